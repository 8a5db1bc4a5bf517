#!/usr/bin/env python3
"""Makes the test documents of the office and web readers, with real producers.

    python3 tests/documents/make.py OUT          # into OUT (the tests use target/test-documents)
    python3 tests/documents/make.py --small DIR  # rewrite the small committed bad documents

Into OUT: pandoc's DOCX, ODT and HTML of `structure.md` (headings, lists, a table, footnotes,
right-to-left text, emoji, combining marks, CRLF) and of the first seed (one paragraph per
line, through pandoc's JSON so that no character is taken for Markdown); a Word file with
tracked changes and comments, written by hand with zipfile (pandoc cannot make them); web
pages in windows-1252 and Shift_JIS with a declared charset; and, under bad-documents/, the
bad documents too large to commit (zip bombs, deeply nested files). Needs pandoc (./dev setup installs it).
"""
import io
import json
import os
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx(document_xml, method=zipfile.ZIP_DEFLATED, extra=()):
    """A minimal Word file around a document.xml (bytes or str)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in extra:
            z.writestr(name, data)
        if document_xml is not None:
            z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def odt(content_xml, extra=()):
    """A minimal OpenDocument text: mimetype first and stored, as ODF 1.3 part 2 §3.3 says."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        for name, data in extra:
            z.writestr(name, data)
        if content_xml is not None:
            z.writestr("content.xml", content_xml)
    return buf.getvalue()


def body(paragraphs_xml):
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{paragraphs_xml}</w:body></w:document>'


ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def odt_body(inner):
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
            f'<office:body><office:text>{inner}</office:text></office:body></office:document-content>')


# Tracked changes and comments: the text with every change accepted is
# "The Compact was adopted in Marrakech in December 2018." then "Objective 23.".
TRACKED = body(
    '<w:p><w:r><w:t xml:space="preserve">The Compact was </w:t></w:r>'
    '<w:del w:id="1" w:author="A"><w:r><w:delText>signed</w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="A"><w:r><w:t>adopted</w:t></w:r></w:ins>'
    '<w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve"> in Marrakech</w:t></w:r>'
    '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>'
    '<w:r><w:t xml:space="preserve"> in </w:t></w:r>'
    '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>2019 </w:t></w:r></w:moveFrom>'
    '<w:r><w:t>December</w:t></w:r><w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> 2018</w:t></w:r></w:moveTo>'
    '<w:r><w:t>.</w:t></w:r></w:p>'
    '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr>'
    '<w:r><w:t xml:space="preserve">Objective </w:t></w:r></w:p>'
    '<w:p><w:r><w:t>23.</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    '<w:del w:id="6" w:author="A"><w:p><w:r><w:delText>A deleted paragraph.</w:delText></w:r></w:p></w:del>'
)
COMMENTS = (f'<?xml version="1.0" encoding="UTF-8"?><w:comments {W}><w:comment w:id="7" w:author="A">'
            '<w:p><w:r><w:t>A comment is not text.</w:t></w:r></w:p></w:comment></w:comments>')

# A page in windows-1252 and one in Shift_JIS, each declaring its charset.
CP1252 = ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
          'charset=windows-1252"><title>Café</title></head><body><p>Café “crème” — 5 €</p></body></html>')
SJIS = ('<!DOCTYPE html><html><head><meta charset="Shift_JIS"><title>移民</title></head>'
        '<body><p>移住に関するグローバル・コンパクト</p></body></html>')


def seed_ast():
    seed = os.path.join(ROOT, "seeds", sorted(os.listdir(os.path.join(ROOT, "seeds")))[0])
    lines = [l.strip() for l in open(seed, encoding="utf-8").read().splitlines()]
    blocks = [{"t": "Para", "c": [{"t": "Str", "c": l}]} for l in lines if l]
    return json.dumps({"pandoc-api-version": [1, 22, 2, 1], "meta": {}, "blocks": blocks})


def pandoc(args, out, stdin=None):
    subprocess.run(["pandoc", *args, "-o", out], input=stdin, check=True,
                   stderr=subprocess.DEVNULL)


def bomb(size=200_000_000):
    """A Word part that inflates to `size` bytes of XML: white space compresses 1000:1."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
    return head + b" " * (size - len(head))


def make(out):
    os.makedirs(os.path.join(out, "bad-documents"), exist_ok=True)
    src = os.path.join(HERE, "structure.md")
    for ext in ("docx", "odt", "html"):
        # A page title only (<title>, not a heading): the text is the source's alone.
        pandoc(["-f", "markdown", src, "-s", "--metadata", "pagetitle=Structure"],
               os.path.join(out, f"structure.{ext}"))
        pandoc(["-f", "json", "-s", "--metadata", "pagetitle=Seed"],
               os.path.join(out, f"seed.{ext}"), stdin=seed_ast().encode())
    with open(os.path.join(out, "tracked.docx"), "wb") as f:
        f.write(docx(TRACKED, extra=[("word/comments.xml", COMMENTS)]))
    with open(os.path.join(out, "cp1252.html"), "wb") as f:
        f.write(CP1252.encode("cp1252"))
    with open(os.path.join(out, "sjis.html"), "wb") as f:
        f.write(SJIS.encode("shift_jis"))
    bad = os.path.join(out, "bad-documents")
    with open(os.path.join(bad, "06-zip-bomb.docx"), "wb") as f:
        f.write(docx(bomb()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", bomb())
    with open(os.path.join(bad, "11-zip-bomb.odt"), "wb") as f:
        f.write(buf.getvalue())
    # Nested 200,000 deep (issue 18): Chromium's HTML parser took minutes over the page.
    with open(os.path.join(bad, "22-deeply-nested.html"), "wb") as f:
        f.write(b"<!DOCTYPE html><html><body>" + b"<div>" * 200_000 + b"deep"
                + b"</div>" * 200_000 + b"</body></html>")
    # Word nested 1,000 deep: past the app's 512 (Chromium's XML parser itself stops at
    # 5,000, with an error the reader also reports as too deep).
    deep = "<w:sdt><w:sdtContent>" * 1_000 + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    deep += "</w:sdtContent></w:sdt>" * 1_000
    with open(os.path.join(bad, "23-deeply-nested.docx"), "wb") as f:
        f.write(docx(body(deep)))


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + f']><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def encrypted(zip_bytes):
    """The same archive with every entry flagged encrypted (general purpose bit 0, APPNOTE
    4.4.4), in the local and the central headers: zipfile cannot encrypt."""
    b = bytearray(zip_bytes)
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = b.find(sig)
        while i != -1:
            b[i + at] |= 1
            i = b.find(sig, i + 4)
    return bytes(b)


def small(d):
    """The small bad documents committed in tests/bad-documents/."""
    files = {
        "01-not-a-zip.docx": b"This is a plain text file whose name says Word.\n",
        "02-truncated.docx": docx(body("<w:p><w:r><w:t>Cut short</w:t></w:r></w:p>"))[:200],
        "03-no-document-xml.docx": docx(None, extra=[("word/styles.xml", "<x/>")]),
        "04-malformed.docx": docx(body("<w:p><w:r><w:t>Unclosed</w:r></w:p>")),
        "05-entity-bomb.docx": docx(LAUGHS),
        "07-empty.docx": docx(body("<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>")),
        "08-not-a-zip.odt": b"<office:document-content/>",
        "09-no-content.odt": odt(None),
        "10-malformed.odt": odt(odt_body("<text:p>Broken &amp text</text:p>")),
        "12-password-protected.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
        "13-bzip2.docx": docx(body("<w:p><w:r><w:t>Compressed oddly</w:t></w:r></w:p>"),
                              method=zipfile.ZIP_BZIP2),
        "14-utf16.docx": docx(body("<w:p><w:r><w:t>Sixteen</w:t></w:r></w:p>").encode("utf-16")),
        "15-empty.html": b"<!DOCTYPE html>\n<html><head><title>Nothing</title></head><body>\n</body></html>\n",
        "16-only-boilerplate.html": (
            b"<!DOCTYPE html><html><body><nav>Home | About</nav><header>Site</header>"
            b"<script>document.title='x'</script><div hidden=\"\">secret</div>"
            b"<p style=\"display: none\">hidden</p><footer>(c) 2026</footer></body></html>"),
        "17-empty.odt": odt(odt_body("<text:p/><text:h>  </text:h>")),
        "18-doctype.odt": odt(odt_body("<text:p>x</text:p>").replace(
            "<office:document-content", '<!DOCTYPE x [<!ENTITY e "x">]><office:document-content', 1)),
        "19-zero-bytes.docx": b"",
        "20-encrypted-entry.docx": encrypted(docx(body("<w:p><w:r><w:t>Secret</w:t></w:r></w:p>"))),
        "21-zero-bytes.pdf": b"",
        "24-canvas-only.html": (
            b"<!DOCTYPE html>\n<html><body style=\"margin:0\"><canvas id=\"c\" width=\"600\" height=\"200\"></canvas>"
            b"<script>var c=document.getElementById('c').getContext('2d');c.font='40px serif';"
            b"c.fillText('Scanned text image',20,100);</script></body></html>\n"),
        "25-only-hidden-text.docx": docx(body(
            '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Hidden</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:rPr><w:vanish w:val="1"/></w:rPr><w:t>Also</w:t></w:r></w:p>')),
    }
    for name, data in files.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    if sys.argv[1] == "--small":
        small(sys.argv[2])
    else:
        make(sys.argv[1])
