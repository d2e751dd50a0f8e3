"""What a portal answers when something is wrong: blocks, soft 404s, refreshes to the column, logins,
WAF pages, huge or nested pages; served for a document in that state."""

import functools
import gzip
import re

MASKS_RE = re.compile(
    r"0358-\d+|\d{4}年\d+月\d+日前|“[^”]+”"
)  # what a mirror blanks out: phone, deadline, quoted principle
FAKE_PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n% zwgk sample attachment "
BLOCKED_412 = (
    '<html><head><meta charset="utf-8"><script type="text/javascript" r="m">$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};'
    '$_ts.nsd=48121;$_ts.cd="qEtcrrAlDqVKcGAmhqQcrsZkDk3qcG";</script>'
    '<script type="text/javascript" charset="utf-8" src="/8bb5e4a9/c5af0f58b1.js" r="m"></script></head><body></body>'
    "</html>"
)
BLOCKED_521 = (
    "<html><body><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')+('n')"
    "+('c')+('e')+('=')+(+new Date()/1000|0)+'.412|0|'+escape('x');location.href=location.pathname+location.search"
    "</script></body></html>"
)
SOFT_404 = (
    '<html><head><meta charset="utf-8"><title>提示信息</title></head><body><div class="error">'
    '<h2>对不起，您访问的页面不存在或已被删除！</h2><a href="/">返回首页</a></div></body></html>'
)
REFRESH = (
    '<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={target}"></head><body></body></html>'
)
NOT_FOUND = "<html><body><h1>404 页面不存在</h1></body></html>"
LOGIN = (
    '<html><head><meta charset="utf-8"><title>用户登录</title></head><body><form action="/login" method="post">'
    '<h2>统一身份认证平台 用户登录</h2><input name="user"><input type="password" name="pw"><button>登录</button>'
    "</form></body></html>"
)
WAF = (
    '<html><head><meta charset="utf-8"><title>访问被拦截</title></head><body><h1>您的访问被拦截</h1>'
    "<p>当前访问疑似黑客攻击，已被网站防火墙拦截。事件ID：7f3a9c</p></body></html>"
)
NESTED = "<html><body>" + "<div>" * 5000 + "<p>深层嵌套的页面仍能读取正文。</p>" + "</div>" * 5000 + "</body></html>"
# Answers a document gives in a state, whatever was asked. Faults marked X-Zwgk-Fault are acted out by the
# server itself on the socket: reset the connection, stall past the client's timeout, or close mid-body.
STATE_ANSWERS = {
    "404": (404, {}, NOT_FOUND.encode()),
    "soft404": (200, {}, SOFT_404.encode()),
    "refresh": (200, {}, REFRESH.replace("{target}", "{root}").encode()),
    "blocked412": (412, {}, BLOCKED_412.encode()),
    "blocked521": (521, {}, BLOCKED_521.encode()),
    "login": (200, {}, LOGIN.encode()),
    "waf": (200, {}, WAF.encode()),
    "empty": (200, {}, b""),
    "binary": (200, {}, bytes(range(256)) * 64),
    "huge": (200, {}, lambda: b"<html><body><p>" + "很长的页面".encode() * (2 * 1024 * 1024) + b"</p></body></html>"),
    "bomb": (200, {"Content-Encoding": "gzip"}, lambda: gzip.compress(b"<html>" + b" " * (64 * 1024 * 1024), 9)),
    "nested": (200, {}, NESTED.encode()),
    "reset": (200, {"X-Zwgk-Fault": "reset"}, b""),
    "stall": (200, {"X-Zwgk-Fault": "stall"}, NOT_FOUND.encode()),
    "truncated": (
        200,
        {"X-Zwgk-Fault": "truncated"},
        ("<html><body>" + "截断的正文。" * 500 + "</body></html>").encode(),
    ),
}


@functools.cache
def big_body(make) -> bytes:
    """The huge page and the compression bomb, made once, when first asked for."""
    return make()
