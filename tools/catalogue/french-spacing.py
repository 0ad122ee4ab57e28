#!/usr/bin/env python3
"""Gives the French catalogue its no-break spaces (docs/glossary.md, "French punctuation"):
U+00A0 NO-BREAK SPACE before ":", U+202F NARROW NO-BREAK SPACE before ";", "!", "?" and inside « ».
Only the space already written before a mark (or inside guillemets) is replaced, in values, never in keys,
so placeholders ("{0:N0}", "{2:d MMMM yyyy, HH:mm}"), times ("09:00"), ratios and URLs stay as they are.
Run it again after adding French translations; it changes nothing on a catalogue already spaced.
usage: python3 tools/catalogue/french-spacing.py REPO_DIR   (rewrites SharedResource.fr.resx)"""
import os, re, sys
repo = sys.argv[1]
source = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'add.py'), encoding='utf-8').read()
exec(source.split("if sys.argv[2]=='--check'")[0])  # load() and save() of add.py
NBSP, NNBSP = '\u00a0', '\u202f'
PLACEHOLDER = re.compile(r'\{[^{}]*\}')

def spaced(value):
    # A placeholder is set aside while the spaces are fixed, so a format inside it is never touched.
    parts = PLACEHOLDER.split(value)
    holes = PLACEHOLDER.findall(value)
    fixed = []
    for part in parts:
        part = re.sub(r'[ \u00a0\u202f]+:', NBSP + ':', part)
        part = re.sub(r'[ \u00a0\u202f]+([;!?])', NNBSP + r'\1', part)
        part = re.sub(r'«[ \u00a0\u202f]*', '«' + NNBSP, part)
        part = re.sub(r'[ \u00a0\u202f]*»', NNBSP + '»', part)
        fixed.append(part)
    out = fixed[0]
    for hole, part in zip(holes, fixed[1:]):
        out += hole + part
    return out

path, head, entries, tail = load('fr')
changed = {k: spaced(v) for k, v in entries.items() if spaced(v) != v}
for k, v in changed.items():
    entries[k] = v
save(path, head, entries, tail)
print('fr', len(changed), 'values given their no-break spaces')
