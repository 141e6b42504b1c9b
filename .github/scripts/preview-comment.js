// Renders the pull-request comment for one stack from `pulumi preview --diff` output. The preview workflow
// posts what this returns, and the engine end-to-end run (src/e2e/harness) renders a real preview through it,
// so the comment format is tested against the engine's actual output.
'use strict';

const MAX_OUTPUT = 60000; // GitHub comments are limited to 65536 characters

/**
 * @param {{stack: string, stackName?: string, sha: string, outcome: string, output: string}} p
 *   stack: matrix label (dev, prod); stackName: the fully qualified stack; outcome: the preview step's outcome.
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
  return [
    marker,
    `#### \`pulumi preview --policy-pack policy-pack\` on \`${p.stackName || p.stack}\`: ${status}`,
    '',
    summary ? summary.trim().split('\n').map(l => `- ${l.trim()}`).join('\n') + '\n' : '',
    `<details${status === 'FAILED' ? ' open' : ''}><summary>Preview of ${p.sha.substring(0, 7)}</summary>`,
    '',
    '~~~',
    output,
    '~~~',
    '</details>',
  ].join('\n');
}

module.exports = render;
