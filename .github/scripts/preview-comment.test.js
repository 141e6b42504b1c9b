// node --test .github/scripts/preview-comment.test.js (run by the policy-pack module's build).
// The diff.md inputs in testdata/ are what `plan --diff` writes; ReportsDeltaTest (src) keeps them so.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const render = require('./preview-comment.js');

const fixture = name => fs.readFileSync(path.join(__dirname, 'testdata', name), 'utf8');

const PREVIEW = [
  'Previewing update (dev):',
  '     Type                                     Name               Plan',
  '     pulumi:pulumi:Stack                      zt-databricks-dev',
  ' +   └─ azure-native:network:PrivateEndpoint  pe2                create',
  '',
  'Resources:',
  '    + 1 to create',
  '    1 unchanged',
  '',
].join('\n');

const base = planDiff => ({
  stack: 'dev', stackName: 'organization/zt-databricks/dev', sha: '0123456789abcdef', outcome: 'success',
  output: PREVIEW, planDiff,
});

const TAIL = [
  '<details><summary>Preview of 0123456</summary>',
  '',
  '~~~',
  PREVIEW,
  '~~~',
  '</details>',
].join('\n');

test('a cost change shows the monthly delta per resource, and names what did not change', () => {
  // By hand: one private endpoint is 0.01 $/h x 730 h = $7.30 plus 500 GB x $0.01 of endpoint traffic = $12.30;
  // a second endpoint adds $7.30 (the traffic assumption is per stack), so $19.60. Neither verdicts nor the
  // critical path (two independent endpoints, 0.5 min each) change.
  const expected = [
    '<!-- zt-pulumi-preview:dev -->',
    '#### `pulumi preview --policy-pack policy-pack` on `organization/zt-databricks/dev`: succeeded',
    '',
    '- + 1 to create',
    '- 1 unchanged',
    '',
    '#### Reports',
    '',
    '**Monthly cost:** $12.30 → $19.60 (+$7.30 per month, list prices)',
    '',
    '| resource | before | after | delta |',
    '|---|---:|---:|---:|',
    '| `pe2` | $0.00 | $7.30 | +$7.30 |',
    '',
    'Unchanged: compliance verdicts, deployment critical path (0.5 min).',
    '',
    '<sub>From the offline plans of the base branch and this commit (`plan --diff`).</sub>',
    '',
    TAIL,
  ].join('\n');
  assert.equal(render(base(fixture('diff-cost-change.md'))), expected);
});

test('nothing changed in the reports: one line', () => {
  const comment = render(base(fixture('diff-unchanged.md')));
  assert.ok(comment.includes('\n- 1 unchanged\n\n**Reports:** No change to the monthly cost ($12.30, list prices), ' +
    'the compliance verdicts or the deployment critical path (0.5 min).\n\n<details>'), comment);
  assert.ok(!comment.includes('#### Reports'));
  assert.ok(!comment.includes('zt-plan-diff'), 'nothing of the offline diff outside the reports section');
});

test('no diff.md (an offline plan failed): says so in one line, the preview is still shown', () => {
  for (const missing of [null, '', fixture('diff-unchanged.md').replace(/<!-- \/?zt-reports-delta[^>]*-->/g, '')]) {
    const comment = render(base(missing));
    assert.ok(comment.includes('\n**Reports:** not compared: no offline plan of the base branch or of this commit ' +
      '(see the job log).\n'), comment);
    assert.ok(comment.endsWith(TAIL));
  }
});

test('reports that could not be compared show the reason', () => {
  const diff = '<!-- zt-plan-diff:dev -->\n\n<!-- zt-reports-delta:error -->\n#### Reports\n\n' +
    '> Could not compare the reports: bad plan\n\n<!-- /zt-reports-delta -->\n';
  assert.ok(render(base(diff)).includes('#### Reports\n\n> Could not compare the reports: bad plan\n\n<sub>From the offline'));
});

test('a caller without reports (the engine end-to-end run) gets the comment as before', () => {
  const p = base(undefined);
  delete p.planDiff;
  assert.equal(render(p), [
    '<!-- zt-pulumi-preview:dev -->',
    '#### `pulumi preview --policy-pack policy-pack` on `organization/zt-databricks/dev`: succeeded',
    '',
    '- + 1 to create',
    '- 1 unchanged',
    '',
    TAIL,
  ].join('\n'));
});

test('a long reports section is cut at a line, the preview output stays', () => {
  const rows = Array.from({ length: 400 }, (_, i) => `| \`pe${i}\` | $0.00 | $7.30 | +$7.30 |`).join('\n');
  const diff = `<!-- zt-reports-delta:changed -->\n#### Reports\n\n${rows}\n\n<!-- /zt-reports-delta -->\n`;
  const section = render.reports(diff);
  assert.ok(section.length < 4300, `${section.length}`);
  assert.match(section, /\| \+\$7\.30 \|\n\n_Reports truncated: see diff\.md in the job log\._\n/);
  assert.ok(render(base(diff)).endsWith(TAIL));
});
