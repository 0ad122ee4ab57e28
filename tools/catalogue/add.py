#!/usr/bin/env python3
"""Adds or replaces translations in the three SharedResource resx catalogues, keeping them sorted.
usage: python3 tools/catalogue/add.py REPO_DIR entries.json   where entries.json = {"English key": {"fr": "...", "es": "...", "ar": "..."}}
       A plural form only Arabic has ("plural zero|", "two", "few", "many") needs only "ar"; French and Spanish never carry it.
       add.py REPO_DIR --check        (round-trips the files unchanged)"""
import json, re, sys, html
repo = sys.argv[1]
ENTRY = re.compile(r'  <data name="((?:[^"])*)" xml:space="preserve"><value>(.*?)</value></data>\n', re.S)
def unesc(s): return html.unescape(s)
def esc_name(s): return s.replace('&','&amp;').replace('<','&lt;').replace('>','&gt;').replace('"','&quot;').replace('\n','&#10;').replace('\r','&#13;')
def esc_val(s): return s.replace('&','&amp;').replace('<','&lt;').replace('>','&gt;')
def load(lang):
    p=f'{repo}/src/TrustFund.Web/Resources/SharedResource.{lang}.resx'
    t=open(p,encoding='utf-8').read()
    first=t.index('  <data ')
    head=t[:first]
    body=t[first:]
    entries={}
    pos=0
    for m in ENTRY.finditer(body):
        assert m.start()==pos, (lang, body[pos:pos+200]); pos=m.end()
        entries[unesc(m.group(1))]=unesc(m.group(2))
    tail=body[pos:]
    return p,head,entries,tail
def save(p,head,entries,tail):
    out=head+''.join(f'  <data name="{esc_name(k)}" xml:space="preserve"><value>{esc_val(v)}</value></data>\n' for k,v in sorted(entries.items(), key=lambda kv: esc_name(kv[0])))+tail
    open(p,'w',encoding='utf-8').write(out)
if sys.argv[2]=='--check':
    for l in ['fr','es','ar']:
        p,h,e,t=load(l); before=open(p,encoding='utf-8').read(); save(p,h,e,t)
        print(l,len(e),'same' if open(p,encoding='utf-8').read()==before else 'CHANGED')
    sys.exit()
ARABIC_ONLY=re.compile(r'plural (zero|two|few|many)\|')
new=json.load(open(sys.argv[2],encoding='utf-8'))
for l in ['fr','es','ar']:
    p,h,e,t=load(l)
    for k,v in new.items():
        if l!='ar' and ARABIC_ONLY.match(k): continue
        if l not in v: sys.exit(f'missing {l} for {k!r}')
        e[k]=v[l]
    save(p,h,e,t); print(l,len(e))
