#!/usr/bin/env python3
"""Adds resources to databricks-schema-subset.json, reconstructed from the Java SDK that pulumi-java-gen generated
for pulumi-databricks at the pinned commit (schema.json is not in the repository mirror; see PROVENANCE.md).

usage: reconstruct.py <pulumi-databricks git dir> <commit> <schema json> Name [Name ...]
Reads sdk/java/src/main/java/com/pulumi/databricks/{Name,NameArgs}.java and inputs/<Type>Args.java with git show:
@Import names/types/required -> inputProperties/requiredInputs; @Export names/types, non-@Nullable -> properties/
required; nested input types recursively. Secret flags come from Output.CreateSecret in sdk/dotnet (same commit)."""
import json, re, subprocess, sys

git, commit, schema_path, names = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
JAVA = 'sdk/java/src/main/java/com/pulumi/databricks/'
SCALAR = {'String': {'type': 'string'}, 'Integer': {'type': 'integer'}, 'Double': {'type': 'number'},
          'Boolean': {'type': 'boolean'}}

def show(path):
    r = subprocess.run(['git', '-C', git, 'show', f'{commit}:{path}'], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None

def jtype(t, types):
    t = t.replace('/* @Nullable */', '').strip()
    m = re.fullmatch(r'List<(.+)>', t)
    if m: return {'type': 'array', 'items': jtype(m.group(1), types)}
    m = re.fullmatch(r'Map<String,\s*(.+)>', t)
    if m: return {'type': 'object', 'additionalProperties': jtype(m.group(1), types)}
    if t in SCALAR: return dict(SCALAR[t])
    name = re.sub(r'Args$', '', t)
    token = f'databricks:index/{name}:{name}'
    if token not in types:
        types[token] = None
        nested(name, types)
    return {'$ref': f'#/types/{token}'}

def imports(src, types):
    props, required = {}, []
    for m in re.finditer(r'@Import\(name="(\w+)"(, required=true)?[^)]*\)\s*private (?:@Nullable )?Output<(.+?)> \w+;', src):
        props[m.group(1)] = jtype(m.group(3), types)
        if m.group(2): required.append(m.group(1))
    return props, required

def secrets(dotnet_path, props):
    src = show(dotnet_path) or ''
    for m in re.finditer(r'Output\.CreateSecret', src):
        pass
    for name in props:
        cs = name[0].upper() + name[1:]
        if re.search(r'\b' + cs + r'\b[^;]*\n[^;]*Output\.CreateSecret', src) or re.search(cs + r' = .*CreateSecret', src):
            props[name]['secret'] = True

def nested(name, types):
    src = show(f'{JAVA}inputs/{name}Args.java')
    props, required = imports(src, types)
    secrets(f'sdk/dotnet/Inputs/{name}Args.cs', props)
    types[f'databricks:index/{name}:{name}'] = {'properties': props, 'required': sorted(required), 'type': 'object'}

schema = json.load(open(schema_path))
for name in names:
    types = {}
    args = show(f'{JAVA}{name}Args.java')
    res = show(f'{JAVA}{name}.java')
    inputs, req_in = imports(args, types)
    secrets(f'sdk/dotnet/{name}.cs', inputs)
    props, req = {}, []
    for m in re.finditer(r'@Export\(name="(\w+)"[^)]*\)\s*private Output<(.+?)> \w+;', res):
        props[m.group(1)] = jtype(m.group(2), types)
        if '@Nullable' not in m.group(2): req.append(m.group(1))
    token = f'databricks:index/{name[0].lower() + name[1:]}:{name}'
    rt = re.search(r'@ResourceType\(type="([^"]+)"', res).group(1)
    assert rt == token, (rt, token)
    schema['resources'][token] = {'inputProperties': inputs, 'properties': props, 'required': sorted(req),
                                  'requiredInputs': sorted(req_in)}
    for t, v in types.items():
        schema['types'].setdefault(t, v)
    schema['requested'][name] = token
with open(schema_path, 'w') as f:
    json.dump(schema, f, indent=2, sort_keys=True)
    f.write('\n')
