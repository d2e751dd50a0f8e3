"""What an answer is: document, withdrawal, block or error; short real notices must stay documents."""

import pytest

from crawler.classify import classify

URL = "http://www.example.gov.cn/xxgk/tzgg/202305/t20230512_88.html"
LONG_ERROR_PAGE = (
    "<html><body><div class='nav'>" + "首页 政务公开 政务服务 互动交流 走进青岚 " * 12 + "</div>"
    "<h2>对不起，您访问的页面不存在或已被删除！</h2>"
    "<div class='footer'>主办单位：青岚县人民政府办公室 网站标识码：1411000001 晋ICP备05001234号</div></body></html>"
)
SHORT_NOTICE = (
    "<html><head><title>关于办理电子证照的通知</title></head><body><h1>关于办理电子证照的通知</h1>"
    "<p>{}</p><p>青岚县人民政府办公室 2023年5月12日</p></body></html>"
)


@pytest.mark.parametrize(
    "status, html, final_url, expected",
    [
        (412, "<html><script>$_ts=window['$_ts'];</script></html>", None, ("blocked", "ruishu-412")),
        (521, "<script>document.cookie=('_')+('_')+('j')</script>", None, ("blocked", "jiasule-521")),
        (200, "<html><script>$_ts=window['$_ts'];$_ts.nsd=1;</script></html>", None, ("blocked", "ruishu")),
        (200, "<h1>您的访问被拦截</h1><p>网站防火墙</p>", None, ("blocked", "waf")),
        (200, '<p>请输入验证码</p><input name="code"><img src="/captcha.jpg">', None, ("blocked", "captcha")),
        (200, '<h2>用户登录</h2><input name="u"><input type="password" name="p">', None, ("blocked", "login")),
        (403, "<h1>Forbidden</h1>", None, ("blocked", "forbidden-403")),
        (429, "", None, ("blocked", "rate-limited-429")),
        (404, "<h1>页面不存在</h1>", None, ("gone", "http-404")),
        (410, "", None, ("gone", "http-410")),
        (200, "<h2>对不起，您访问的页面不存在或已被删除！</h2>", None, ("gone", "soft-404")),
        (200, "<p>该信息已删除</p>", None, ("gone", "soft-404")),
        (200, '<meta http-equiv="refresh" content="0;url=../">', None, ("gone", "refresh-to-column")),
        (200, "<p>x</p>", "http://www.example.gov.cn/xxgk/tzgg/index.html", ("gone", "redirect-to-column")),
        # Sent to the server's error page, which wears the site's whole furniture (longer than a soft 404 may be):
        # not found is gone; any other error says nothing of the document
        (200, LONG_ERROR_PAGE, "http://www.example.gov.cn/404.html", ("gone", "redirect-to-not-found-page")),
        (200, LONG_ERROR_PAGE, "http://www.example.gov.cn/error.jsp?code=404", ("gone", "redirect-to-not-found-page")),
        (200, LONG_ERROR_PAGE, "http://www.example.gov.cn/common/notfound.htm", ("gone", "redirect-to-not-found-page")),
        (200, LONG_ERROR_PAGE, "http://www.example.gov.cn/50x.html", ("error", "redirect-to-error-page")),
        (200, LONG_ERROR_PAGE, "http://www.example.gov.cn/error.jsp", ("error", "redirect-to-error-page")),
        (503, "<h1>Service Unavailable</h1>", None, ("error", "http-503")),
        # Short real notices that mention logging in, codes, revocation or deletion stay documents.
        (200, SHORT_NOTICE.format("请登录国家政务服务平台办理，短信验证码五分钟内有效。"), None, ("document", "")),
        (200, SHORT_NOTICE.format("经审查，青岚某公司的许可证已撤销，相关信息已被撤回。"), None, ("document", "")),
        (
            200,
            SHORT_NOTICE.format("根据有关规定，现将过期失效的文件目录予以公布，涉及内容删除的事项另行通知。" * 3),
            None,
            ("document", ""),
        ),
        (
            200,
            SHORT_NOTICE.format("正文。") + '<a href="/">首页</a>',
            "http://www.example.gov.cn/xxgk/tzgg/202305/t20230512_88.html",
            ("document", ""),
        ),
    ],
)
def test_classify(status, html, final_url, expected):
    verdict = classify(status, html, URL, final_url)
    assert (verdict.kind, verdict.reason) == expected
