// Renders the pull-request comment for one stack from `pulumi preview --diff` output. The preview workflow
// posts what this returns, and the engine end-to-end run (src/e2e/harness) renders a real preview through it,
// so the comment format is tested against the engine's actual output.
'use strict';

const MAX_OUTPUT = 60000; // GitHub comments are limited to 65536 characters
// The reports' change is the section `plan <stack> --diff` writes into diff.md between these markers
// (com.ztplatform.stack.reports.Reports): taken as it is, so the comparison lives in one place, the Java side.
const REPORTS = /<!-- zt-reports-delta:(changed|unchanged|error) -->\n([\s\S]*?)\n*<!-- \/zt-reports-delta -->/;
const MAX_REPORTS = 4000; // the preview output stays the bulk of the comment

/**
 * The reports section of the comment. Undefined planDiff: the caller compared no reports, so no section.
 * Nothing changed: one line. Changed (or not comparable): the section from diff.md.
 * @param {string|undefined|null} planDiff diff.md of the offline `plan --diff` of the base and this commit
 */
function reports(planDiff) {
  if (planDiff === undefined) {
    return '';
  }
  const found = (planDiff || '').match(REPORTS);
  if (!found) {
    return '**Reports:** not compared: no offline plan of the base branch or of this commit (see the job log).\n';
  }
  const body = found[2].trim();
  if (found[1] === 'unchanged') {
    // "#### Reports\n\nNo change to ..." as one line under the summary.
    return '**Reports:** ' + body.replace(/^#### Reports\s*/, '') + '\n';
  }
  let section = body;
  if (section.length > MAX_REPORTS) {
    section = section.slice(0, MAX_REPORTS).replace(/\n[^\n]*$/, '') +
      '\n\n_Reports truncated: see diff.md in the job log._';
  }
  return section + '\n\n<sub>From the offline plans of the base branch and this commit (`plan --diff`).</sub>\n';
}

/**
 * @param {{stack: string, stackName?: string, sha: string, outcome: string, output: string, planDiff?: string|null}} p
 *   stack: matrix label (dev, prod); stackName: the fully qualified stack; outcome: the preview step's outcome;
 *   planDiff: diff.md of the offline plan diff (null or '' when that failed; leave it out to show no reports).
 * @returns {string} the comment body; it starts with a marker so the workflow edits its own comment in place.
 */
function render(p) {
  const marker = `<!-- zt-pulumi-preview:${p.stack} -->`;
  let output = p.output && p.output.length > 0 ? p.output : '(no output)';
  // Colour codes, should a caller forget --color never.
  output = output.replace(/\u001b\[[0-9;]*m/g, '');
  if (output.length > MAX_OUTPUT) {
    output = '... (start truncated)\n' + output.slice(output.length - MAX_OUTPUT);
  }
  const status = p.outcome === 'success' ? 'succeeded' : 'FAILED';
  const summary = (output.match(/^Resources:\n((?:\s+.+\n?)+)/m) || [])[1];
  const changes = reports(p.planDiff);
  return [
    marker,
    `#### \`pulumi preview --policy-pack policy-pack\` on \`${p.stackName || p.stack}\`: ${status}`,
    '',
    summary ? summary.trim().split('\n').map(l => `- ${l.trim()}`).join('\n') + '\n' : '',
    ...(changes ? [changes] : []),
    `<details${status === 'FAILED' ? ' open' : ''}><summary>Preview of ${p.sha.substring(0, 7)}</summary>`,
    '',
    '~~~',
    output,
    '~~~',
    '</details>',
  ].join('\n');
}

module.exports = render;
module.exports.reports = reports;
