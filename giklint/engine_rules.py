"""The engine's own findings, as rules so that ``giklint rules``, ``explain`` and select/ignore know them.

They check nothing themselves: the engine reports them (a rule that raised; a document without text).
Each class carries its own documentation page (two rules share this module).
"""
from __future__ import annotations

import inspect
from typing import Iterable, List, Optional, Sequence, Tuple

from giklint.rule import Context, Finding, Rule


class EngineRule(Rule):
    """A finding the engine itself reports; its documentation is the class docstring."""

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def notice_message(cls, detail: str) -> str:
        """The message for a loader notice (``kind:detail``) this rule reports."""
        return cls.summary

    def check(self, ctx: Context) -> Iterable[Finding]:
        return ()


class InternalError(EngineRule):
    """internal-error (GK000): 某条规则运行时出错，它对这个文件的检查没有完成

    检查内容 / What it checks:
        不检查报告本身。一条规则（内置的或插件的）运行时抛出异常时，giklint 把异常记为这条发现，
        写明规则和异常，然后继续运行其余规则和其余文件。这条发现总会报告（不受 select/ignore 影响），
        因为它说明检查不完整。
    为什么 / Why it matters:
        一条规则的缺陷不应让整批检查中断，也不应被当作“没有问题”悄悄放过。请把消息报告给规则的作者
        （giklint 或插件的维护者）。
    选项 / Options:
        无。
    不通过的例子 / Failing example:
        report.md:0:0: GK000 [error] 规则 QH101 qinghe-hotline 运行出错：KeyError: 'lines' (internal-error)
    通过的例子 / Passing example:
        （所有规则正常运行完毕，没有这条发现。）
    """

    code = "GK000"
    slug = "internal-error"
    severity = "error"
    summary = "某条规则运行时出错，它对这个文件的检查没有完成"


class NoTextLayer(EngineRule):
    """no-text-layer (GK001): PDF 没有文字层（扫描件），无法检查

    检查内容 / What it checks:
        读取 PDF 时发现没有可提取的文字（通常是扫描或拍照得到的 PDF）。这时不运行其他规则：
        没有文字，任何检查结果都没有意义，也不能把它当作通过。
    为什么 / Why it matters:
        《政府信息公开条例》要求年度报告向社会公开；只有图片的 PDF 无法检索、无法被读屏软件朗读，
        也无法核对表格数据。请提供 Word 原文或带文字层的 PDF。
        安装 OCR 扩展（pip install 'giklint[ocr]'）后，giklint 用 OCR 识别没有文字层的页面（以及 .png/.jpg/.tif
        图片）再检查，这条发现就不再出现（见 ocr-pages）；消息会说明 OCR 为何没有运行（未安装，或 --ocr never）。
    选项 / Options:
        无（命令行 --ocr never|auto|always 决定是否识别扫描页）。
    不通过的例子 / Failing example:
        scanned.pdf:0:0: GK001 [error] PDF没有文字层（可能是扫描件），无法检查内容；安装 OCR 扩展后可识别扫描件：pip install 'giklint[ocr]' (no-text-layer)
    通过的例子 / Passing example:
        从 Word 直接“另存为 PDF”得到的文件（带文字层）；或装有 OCR 扩展时的扫描件。
    """

    code = "GK001"
    slug = "no-text-layer"
    severity = "error"
    summary = "PDF没有文字层（可能是扫描件），无法检查内容"

    @classmethod
    def notice_message(cls, detail: str) -> str:
        return cls.summary + ocr_hint(detail)


class ImageOnlyPages(EngineRule):
    """image-only-pages (GK002): PDF 有几页只有图片、没有文字层，这些页上的内容无法检查

    检查内容 / What it checks:
        PDF 有文字层，但其中几页几乎没有文字而只有图片（例如把表格截图或扫描后插入）。这些页上的
        内容读不出来；如果表格在这些页上，table-missing 等规则会报告缺表，本提示说明原因。
        其他规则照常运行。装有 OCR 扩展（pip install 'giklint[ocr]'）时这些页由 OCR 识别（见 ocr-pages）。
    为什么 / Why it matters:
        图片形式的表格无法检索、无法被读屏软件朗读，上级汇总时也无法核对数据。请在原文中使用真正的表格。
    选项 / Options:
        无。
    不通过的例子 / Failing example:
        report.pdf:0:0: GK002 [info] PDF第3、4页只有图片、没有文字层，这些页上的内容（如表格）无法检查 (image-only-pages)
    通过的例子 / Passing example:
        每一页都有文字层的 PDF。
    """

    code = "GK002"
    slug = "image-only-pages"
    severity = "info"
    summary = "PDF有几页只有图片、没有文字层，这些页上的内容无法检查"

    @classmethod
    def notice_message(cls, detail: str) -> str:
        listed, _, why = detail.partition(";")
        pages = "、".join(p.strip() for p in listed.split(",") if p.strip())
        text = f"PDF第{pages}页只有图片、没有文字层，这些页上的内容（如表格）无法检查" if pages else cls.summary
        return text + ocr_hint(why)


class EmptyDocument(EngineRule):
    """empty-document (GK003): 文件没有任何文字内容

    检查内容 / What it checks:
        文件能够读取，但里面没有任何文字（空文件、只有空白或只有图片的网页/Word 文件）。这时不运行
        其他规则：逐条报告“缺标题”“缺表格”只会淹没真正的原因。
    为什么 / Why it matters:
        多半是导出或上传出了错（文件被清空、保存了错误的版本）。请检查是否选对了文件。
    选项 / Options:
        无。
    不通过的例子 / Failing example:
        draft.md:0:0: GK003 [error] 文件没有任何文字内容（可能是空文件或导出出错），无法检查 (empty-document)
    通过的例子 / Passing example:
        任何有文字的报告。
    """

    code = "GK003"
    slug = "empty-document"
    severity = "error"
    summary = "文件没有任何文字内容（可能是空文件或导出出错），无法检查"


class NotAReport(EngineRule):
    """not-a-report (GK004): 文件不像年度报告（没有标题、六个部分和三张表格），未检查

    检查内容 / What it checks:
        文件能够读取，但既没有报告标题，也没有六个部分（一、总体情况 至 六、其他需要报告的事项）的
        标题，表二、表三、表四中也没有任何数字；或者是 JSON/YAML 文件，却不是 giklint parse 输出的
        报告模型（没有 model_version）。判断方法见 giklint/report_kind.py：只要有一项，就当作报告检查。
        检查文件夹、通配符或以 --skip-non-reports 运行（pre-commit 钩子就是这样）时，这样的文件被跳过
        （--verbose 列出）；只有在命令行上直接写出这个文件时才报告这条发现，且不运行其他规则。
        和 internal-error 一样，这条发现总会报告（不受 select/ignore 影响）：点名要检查的文件没有被检查。
        不想检查这些文件时，用 exclude 排除它们，或加 --skip-non-reports。
    为什么 / Why it matters:
        对 README、配置文件逐条报告“缺标题”“缺表格”只会淹没真正的问题；直接点名的文件却不像报告，
        多半是选错了文件或导出出错。
    选项 / Options:
        无。
    不通过的例子 / Failing example:
        README.md:0:0: GK004 [error] 文件不像政府信息公开工作年度报告：没有报告标题、没有六个部分的标题，也没有表二、表三、表四中的数字；未检查 (not-a-report)
    通过的例子 / Passing example:
        任何有标题、部分标题或表格数字的报告（哪怕是未完成的草稿）。
    """

    code = "GK004"
    slug = "not-a-report"
    severity = "error"
    summary = "文件不像政府信息公开工作年度报告（没有标题、六个部分和三张表格），未检查"

    @classmethod
    def message(cls, reason: str) -> str:
        return f"文件不像政府信息公开工作年度报告：{reason}；未检查"


class OcrPages(EngineRule):
    """ocr-pages (GK005): 部分或全部页面没有文字层，内容由 OCR 识别得到

    检查内容 / What it checks:
        PDF 中没有文字层的页面（扫描件）或 .png/.jpg/.tif 图片，由 OCR（giklint[ocr] 扩展，离线运行）识别后
        照常检查。本提示列出这些页；出自这些页的发现在消息末尾注明“（据OCR识别，请对照原件核对）”，
        审核人员据此区分哪些发现依据的是识别结果。识别置信度低的表格数字不参与勾稽核对，由 cell-uncertain 报告。
        命令行 --ocr auto（默认）只识别没有文字层的页，--ocr always 识别每一页，--ocr never 不识别。
        识别结果按文件内容缓存在用户缓存目录（$GIKLINT_CACHE_DIR，默认 $XDG_CACHE_HOME/giklint 或
        ~/.cache/giklint），再次检查同一文件时不再识别；giklint 从不在被检查的目录中写文件。
    为什么 / Why it matters:
        OCR 可能认错字符（如把“8”认成“3”）。扫描件也不便检索和无障碍阅读：最好同时公开带文字层的版本。
    选项 / Options:
        无。
    不通过的例子 / Failing example:
        scan.pdf:0:0: GK005 [info] 第1、2、3、4页没有文字层，内容由OCR识别得到；出自这些页的发现已注明，请对照原件核对 (ocr-pages)
    通过的例子 / Passing example:
        每一页都有文字层的 PDF（不需要 OCR）。
    """

    code = "GK005"
    slug = "ocr-pages"
    severity = "info"
    summary = "部分或全部页面没有文字层，内容由OCR识别得到"
    marker = "（据OCR识别，请对照原件核对）"

    @classmethod
    def notice_message(cls, detail: str) -> str:
        pages, _ = ocr_pages(detail)
        if not pages:
            return cls.summary
        return f"第{'、'.join(map(str, pages))}页没有文字层，内容由OCR识别得到；出自这些页的发现已注明，请对照原件核对"


OCR_HINTS = {"ocr-missing": "；安装 OCR 扩展后可识别扫描件：pip install 'giklint[ocr]'",
             "ocr-off": "；OCR 已关闭（--ocr never），去掉该选项即可识别扫描件"}


def ocr_hint(why: str) -> str:
    """How to get the scanned pages read, for a loader's reason (``ocr-missing``, ``ocr-off``)."""
    return OCR_HINTS.get(why.strip(), "")


def ocr_pages(detail: str) -> Tuple[List[int], Optional[int]]:
    """The detail of an ``ocr-pages`` notice, ``1,2/4``, as ([1, 2], 4): pages OCR read, of all pages."""
    listed, _, total = detail.partition("/")
    pages = [int(p) for p in listed.split(",") if p.strip().isdigit()]
    return pages, int(total) if total.strip().isdigit() else None


def mark_ocr_findings(findings: List[Finding], notices: Sequence[str]) -> List[Finding]:
    """Findings that rest on text OCR read say so: those on an OCR'd page, and, when every page was
    OCR'd, those without a page too (a missing table, a wrong year)."""
    for notice in notices:
        kind, _, detail = str(notice).partition(":")
        if kind != OcrPages.slug:
            continue
        pages, total = ocr_pages(detail)
        everything = total is not None and len(pages) >= total
        for finding in findings:
            on_ocr = finding.page in pages if finding.page is not None else everything
            if on_ocr and finding.code != OcrPages.code and not finding.message.endswith(OcrPages.marker):
                finding.message += OcrPages.marker
    return findings


class UnusedSuppression(EngineRule):
    """unused-suppression (GK006): 行内屏蔽注释没有屏蔽任何发现

    检查内容 / What it checks:
        Markdown 或网页中的 ``<!-- giklint-disable … -->`` 或 ``<!-- giklint-disable-next-line … -->``
        注释，点名的规则这次运行了，却没有任何发现被它屏蔽（问题已经改好，或注释写错了位置）。
        点名的规则这次没有运行（被 select/ignore 排除）时不报告。
    为什么 / Why it matters:
        过时的屏蔽注释会在以后悄悄藏起同一位置的新问题；写错位置的注释则什么也没有屏蔽。
        删除它，或把它移到要屏蔽的那一行之前。
    选项 / Options:
        无。用 ignore = ["unused-suppression"] 关闭。
    不通过的例子 / Failing example:
        report.md:12:1: GK006 [warning] giklint-disable-next-line（balance）没有屏蔽任何发现，可以删除 (unused-suppression)
    通过的例子 / Passing example:
        紧接着的一行确有 balance 发现的 ``<!-- giklint-disable-next-line balance -->``。
    """

    code = "GK006"
    slug = "unused-suppression"
    severity = "warning"
    summary = "行内屏蔽注释没有屏蔽任何发现"


class UnknownSuppressedRule(EngineRule):
    """unknown-suppressed-rule (GK007): 行内屏蔽注释点名的规则不存在

    检查内容 / What it checks:
        ``<!-- giklint-disable … -->``、``giklint-enable`` 或 ``giklint-disable-next-line`` 注释中的名字
        既不是规则代码、代码前缀，也不是规则名（例如拼错了 ``balanse``）。
    为什么 / Why it matters:
        拼错的名字什么也不屏蔽，作者却以为问题已被有意接受。``giklint rules`` 列出全部规则。
    选项 / Options:
        无。
    不通过的例子 / Failing example:
        report.md:3:1: GK007 [warning] giklint-disable 中的“balanse”不是已知的规则（可能是：balance） (unknown-suppressed-rule)
    通过的例子 / Passing example:
        ``<!-- giklint-disable balance -->``
    """

    code = "GK007"
    slug = "unknown-suppressed-rule"
    severity = "warning"
    summary = "行内屏蔽注释点名的规则不存在"


ENGINE_RULES = [InternalError, NoTextLayer, ImageOnlyPages, EmptyDocument, NotAReport, OcrPages, UnusedSuppression,
                UnknownSuppressedRule]
# kind of a loader's notice ("kind" or "kind:detail") -> the engine rule reporting it, and whether the
# other rules may run on the document
NOTICE_RULES = {"no-text-layer": (NoTextLayer, False), "image-only-pages": (ImageOnlyPages, True),
                "empty": (EmptyDocument, False), "ocr-pages": (OcrPages, True)}
