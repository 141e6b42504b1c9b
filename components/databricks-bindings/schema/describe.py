#!/usr/bin/env python3
"""Puts the descriptions back into databricks-schema-subset.json, from the Javadoc that pulumi-java-gen wrote for the
same schema at the pinned commit (the schema's descriptions are what that Javadoc is generated from; see PROVENANCE.md).

usage: describe.py <pulumi-databricks git dir> <commit> <schema json>
For every resource: the first prose paragraph of the class comment of sdk/java/.../databricks/<Name>.java, the comment
of each @Import field of <Name>Args.java and of each @Export field of <Name>.java. For every nested type: the comments
of the @Import fields of inputs/<Type>Args.java. For the provider: ProviderArgs.java. Properties without a comment in
the SDK get no description. Text is stored as the schema has it (Markdown), HTML entities of the Javadoc decoded."""
import html, json, re, subprocess, sys

git, commit, schema_path = sys.argv[1], sys.argv[2], sys.argv[3]
JAVA = 'sdk/java/src/main/java/com/pulumi/databricks/'
COMMENT = r'/\*\*((?:(?!\*/).)*?)\*/\s*'

def show(path):
    r = subprocess.run(['git', '-C', git, 'show', f'{commit}:{path}'], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else ''

def text(comment):
    lines = [re.sub(r'^\s*\* ?', '', l) for l in comment.strip('\n').split('\n')]
    return html.unescape('\n'.join(lines).strip())

def fields(src, annotation):
    return {m.group(2): text(m.group(1)) for m in re.finditer(COMMENT + '@' + annotation + r'\(name="(\w+)"', src, re.S)}

def class_summary(src):
    m = re.search(COMMENT + r'@ResourceType', src, re.S)
    if not m:
        return ''
    for para in re.split(r'\n\s*\n', text(m.group(1))):
        para = para.strip()
        # Skip the API link line, notes (> ...), headings and code: the summary is the first prose paragraph.
        if para and not re.fullmatch(r'\[[^\]]*\]\([^)]*\)', para) and para[0] not in '>#<{':
            return para
    return ''

def describe(props, comments):
    for name, spec in props.items():
        if comments.get(name):
            spec['description'] = comments[name]

schema = json.load(open(schema_path))
for token, res in schema['resources'].items():
    name = token.rsplit(':', 1)[1]
    args, cls = show(f'{JAVA}{name}Args.java'), show(f'{JAVA}{name}.java')
    summary = class_summary(cls)
    if summary:
        res['description'] = summary
    describe(res['inputProperties'], fields(args, 'Import'))
    describe(res['properties'], fields(cls, 'Export'))
for token, typ in schema['types'].items():
    describe(typ.get('properties', {}), fields(show(f'{JAVA}inputs/{token.rsplit(":", 1)[1]}Args.java'), 'Import'))
provider = fields(show(f'{JAVA}ProviderArgs.java'), 'Import')
for key in ('inputProperties', 'properties'):
    describe(schema['provider'].get(key, {}), provider)
describe(schema.get('config', {}).get('variables', {}), provider)
with open(schema_path, 'w') as f:
    json.dump(schema, f, indent=2, sort_keys=True)
    f.write('\n')
