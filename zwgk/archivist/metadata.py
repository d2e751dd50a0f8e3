"""What Datasette shows about the archive: bilingual titles and descriptions, sorts, facets, canned queries."""

from archive import queries
from archive.vocabulary import DocumentStatus

# A document's fields as archivists name them, Chinese first: the reading list's headings, the document
# page's metadata block and the rows of a metadata change.
FIELD_LABELS = {
    "title": "标题 title",
    "publisher": "发布机构 publisher",
    "doc_number": "文号 document number",
    "index_number": "索引号 index number",
    "published": "发布日期 published",
    "written": "成文日期 written",
    "validity": "有效性 validity",
    "topic": "主题分类 topic",
    "site": "站点 site",
    "status": "状态 status",
    "version_count": "版本 versions",
}
STATUS_LABELS = {DocumentStatus.LIVE: "在线 live", DocumentStatus.WITHDRAWN: "已撤下 withdrawn"}

TABLES = {
    "documents": {
        "title": "文件 Documents",
        "description": "每个文件网址一行，含当前版本的元数据；status 为 live（在线）或 withdrawn（已撤下）。"
        " One row per document URL with its current metadata. Search titles and texts in simplified or traditional "
        "script.",
        "sort_desc": "published",
        "label_column": "title",
        "facets": ["site", "status", "year", "publisher", {"array": "flags"}],
        "columns": {
            "url": "原文网址 Original URL",
            "site": "站点（sites.toml 中的名称） Site key from sites.toml",
            "title": "标题 Title",
            "publisher": "发布机构 / 发文机关 Publisher",
            "doc_number": "文号 / 发文字号 Document number",
            "index_number": "索引号 Index number",
            "published": "发布日期（无则成文日期） Date published, else date written",
            "written": "成文日期 Date written",
            "year": "发布年份 Year published",
            "topic": "主题分类 Topic",
            "validity": "有效性 Validity",
            "status": "live 在线 / withdrawn 已撤下",
            "current_version": "当前版本号 Current version number",
            "version_count": "版本数（点击查看历史与差异） Versions; click for history and diffs",
            "flags": "当前版本的损坏标记 Damage flags of the current version",
            "first_seen": "首次抓取 First captured (UTC)",
            "last_seen": "最近一次取得内容 Last time content was fetched (UTC)",
            "last_changed": "最近一次内容变化 Last change of content (UTC)",
            "withdrawn_at": "发现撤下的时间 When the withdrawal was found (UTC)",
            "last_checked": "最近一次检查 Last check of any outcome (UTC)",
        },
    },
    "versions": {
        "title": "版本 Versions",
        "description": "文件的每个不同内容一行。 Every distinct content of a document.",
        "sort_desc": "id",
        "facets": [{"array": "flags"}, "extractor"],
        "columns": {
            "document_id": "所属文件 Document",
            "version": "版本号 Version number (1 = first seen)",
            "content_hash": "决定版本的规范化内容散列 Hash of the normalised content that decides versions",
            "text": "清洗后的正文 Cleaned main text",
            "text_simplified": "简体文本（原文为繁体时） Simplified text when the page was in traditional script",
            "flags": "损坏标记 Damage flags",
            "repairs": "自动修复记录 Repairs made",
            "created_at": "首次出现时间 First seen (UTC)",
        },
    },
    "captures": {
        "title": "抓取记录 Captures",
        "description": "每次抓取一行；点击 snapshot_digest 在沙箱中查看原始页面。"
        " One row per fetch; click the snapshot digest to view the stored page, sandboxed.",
        "sort_desc": "id",
        "facets": ["outcome", "reason", "status"],
        "columns": {
            "outcome": (
                "new_version 新版本 · unchanged 未变 · reverted 恢复旧版 · damaged 损坏副本 · withdrawn 撤下 ·"
                " not_modified 304 · blocked 被拦截"
            ),
            "reason": "撤下或拦截的原因 Why withdrawn or blocked",
            "encoding": "实际使用的解码 Codec used to decode",
            "snapshot_digest": "原始字节（沙箱查看） Raw bytes, view sandboxed",
        },
    },
    "snapshots": {
        "title": "原始页面 Raw snapshots",
        "hidden": True,  # compressed blobs: read them through a capture's view
        "description": (
            "原始响应字节，zlib 压缩，按摘要去重。 Response bodies, zlib-compressed, stored once per digest."
        ),
    },
    "attachments": {
        "title": "附件 Attachments",
        "sort_desc": "size",
        "facets": ["status", "content_type"],
        "description": "文件引用的附件，按网址存一次。 Files linked from documents, stored once per URL.",
    },
    "crawl_runs": {
        "title": "抓取任务 Crawl runs",
        "sort_desc": "id",
        "facets": ["site", "status"],
        "description": "每个站点每次抓取一行。 One row per crawl of a site.",
    },
    "list_entries": {
        "title": "列表条目 List entries",
        "description": "列表页上最近一次看到的每个条目。 What each list last said about a document.",
    },
    "list_coverage": {
        "title": "列表覆盖率 List coverage",
        "sort_desc": "crawl_run_id",
        "description": "门户报告的总数与已存档数。 What the portal reports per list against what was archived.",
    },
    "version_attachments": {"title": "版本与附件 Version attachments", "hidden": True},
}

QUERIES = {
    "new_documents": {
        "title": "近期新文件 New documents in the last N days",
        "sql": queries.NEW_DOCUMENTS,
        "params": ["days", "site"],
    },
    "changed_documents": {
        "title": "近期修改的文件 Documents changed in the last N days",
        "sql": queries.CHANGED_DOCUMENTS,
        "params": ["days", "site"],
    },
    "withdrawn_documents": {
        "title": "近期撤下的文件 Documents withdrawn in the last N days",
        "sql": queries.WITHDRAWN_DOCUMENTS,
        "params": ["days", "site"],
    },
    "damaged_copies": {
        "title": "损坏的副本 Damaged copies by flag",
        "sql": queries.DAMAGED_COPIES,
        "params": ["flag"],
        "description": "flag: mojibake, lost_chars, pinyin_annotations, masked, traditional_converted, flattened",
    },
    "blocked_by_site": {
        "title": "被拦截的页面 Blocked pages by site",
        "sql": queries.BLOCKED_BY_SITE,
    },
    "largest_attachments": {
        "title": "最大的附件 Largest attachments",
        "sql": queries.LARGEST_ATTACHMENTS,
    },
}
