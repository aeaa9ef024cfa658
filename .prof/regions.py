import re,gzip,sys
from html.parser import HTMLParser
s=open(sys.argv[1]).read()
g=lambda x: len(gzip.compress(x.encode(),9))
def block(start_pat, tag):
    m=re.search(start_pat,s)
    if not m: return ''
    i=m.start(); depth=0
    for t in re.finditer(r'<(/?)%s\b[^>]*>'%tag, s[i:]):
        depth += -1 if t.group(1) else 1
        if depth==0: return s[i:i+t.end()]
    return ''
for name,pat,tag in [('head',r'<head>','head'),('site-header',r'<header class="site-header"','header'),('search box',r'<div class="site-search"','div'),('breadcrumbs',r'<nav class="breadcrumbs"','nav'),('topic header',r'<header class="topic-header"','header'),('document-control',r'<section class="document-control"','section'),('review-status',r'<section class="review-status','section'),('toc',r'<nav class="toc"','nav'),('disclaimer',r'<aside class="disclaimer"','aside'),('pager',r'<nav class="pager"','nav'),('footer',r'<footer class="site-footer"','footer')]:
    b=block(pat,tag); print(f'{name:18} raw {len(b):6} gzip {g(b):5}')
