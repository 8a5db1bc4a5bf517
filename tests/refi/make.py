#!/usr/bin/env python3
"""Builds the REFI-QDA fixtures in tests/refi/ (other tools' documented quirks) and the
REFI-QDA bad files 60-67 in tests/bad-files/. Run from anywhere: python3 tests/refi/make.py.
Deterministic: the same script gives the same bytes (zip entries dated 1980-01-01)."""

import os
import struct
import uuid
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "..", "bad-files")
NS = "urn:QDA-XML:project:1.0"
# The GCM tags' namespace (src/formats/refi/guid.rs, GCM_TAG_NAMESPACE).
GCM = uuid.UUID("ef462847-ed2e-498e-8c10-9e932ca043f9")
OBJECTIVE_17 = str(uuid.uuid5(GCM, "objective-17"))


def g(n):
    """A fixed GUID per number, as the fixtures' tools would have drawn them."""
    return f"00000000-0000-4000-8000-{n:012d}"


def zip_bytes(entries, aliases=()):
    """A zip of (name, bytes, deflate?) entries; `aliases` are extra (name, index) central
    directory entries pointing at entry `index`'s local header (overlapping files)."""
    out, central, records = b"", b"", []
    for name, data, deflate in entries:
        raw = name.encode()
        body = zlib.compress(data, 9)[2:-4] if deflate else data
        method = 8 if deflate else 0
        crc = zlib.crc32(data)
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, method, 0, 33,
                           crc, len(body), len(data), len(raw), 0) + raw + body
        records.append((raw, method, crc, len(body), len(data), offset))
    for name, index in aliases:
        _, method, crc, csize, size, offset = records[index]
        records.append((name.encode(), method, crc, csize, size, offset))
    for raw, method, crc, csize, size, offset in records:
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, method, 0, 33,
                               crc, csize, size, len(raw), 0, 0, 0, 0, 0, offset) + raw
    return out + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(records),
                                       len(records), len(central), len(out), 0)


def project(origin, body, codes=None, users='<User guid="%s" name="Nora"/>' % g(1), ns=NS,
            prolog=""):
    codes = codes if codes is not None else (
        f'<Code guid="{OBJECTIVE_17}" name="Objective 17" isCodable="true" color="#FFCC00"/>'
        f'<Code guid="{g(10)}" name="Actor" isCodable="true" color="#A0B0C0"/>')
    return (f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}'
            f'<Project xmlns="{ns}" name="fixture" origin="{origin}" creatingUserGUID="{g(1)}">'
            f'<Users>{users}</Users><CodeBook><Codes>{codes}</Codes></CodeBook>'
            f'<Sources>{body}</Sources></Project>').encode()


def source(guid, sels, path=True, inline=None, extra=""):
    attrs = f' plainTextPath="internal://{guid}.txt"' if path else ""
    content = f"<PlainTextContent>{inline}</PlainTextContent>" if inline is not None else ""
    return f'<TextSource guid="{guid}" name="Interview"{attrs}>{content}{sels}{extra}</TextSource>'


def sel(guid, start, end, codes=(), user=g(1), description=None):
    desc = f"<Description>{description}</Description>" if description else ""
    bare = guid.strip("{}")
    wrap = (lambda x: "{" + x + "}") if guid.startswith("{") else (lambda x: x)
    codings = "".join(
        f'<Coding guid="{wrap(bare[:-4] + f"{i:04d}")}" creatingUser="{user}"><CodeRef targetGUID="{c}"/></Coding>'
        for i, c in enumerate(codes))
    return (f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}" '
            f'creatingUser="{user}" creationDateTime="2024-03-05T10:00:00Z">{desc}{codings}</PlainTextSelection>')


CRLF_TEXT = "first line\r\nsecond line\r\n"


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def fixtures():
    text = "Objective 17 asks to eliminate discrimination."
    s = g(100)
    # QualCoder: lower-case sources/, text written with a BOM (utf-8-sig) that positions
    # do not count.
    write(os.path.join(HERE, "qualcoder-bom-lowercase.qdpx"), zip_bytes([
        ("project.qde", project("QualCoder 3.6", source(s, sel(g(200), 0, 12, [OBJECTIVE_17]))), True),
        (f"sources/{s}.txt", b"\xef\xbb\xbf" + text.encode(), True),
    ]))
    # NVivo: Sources/ capitalised, CRLF counted as two code points, GUIDs in braces and
    # upper case (the XSD's GUIDType allows braces).
    brace = "{" + g(100).upper() + "}"
    write(os.path.join(HERE, "nvivo-braces-crlf.qdpx"), zip_bytes([
        ("project.qde", project("NVivo 14", source(
            brace, sel("{" + g(201).upper() + "}", 12, 23, [g(10).upper()], user="{" + g(1).upper() + "}"))), True),
        (f"Sources/{brace}.txt", CRLF_TEXT.encode(), True),
    ]))
    # ATLAS.ti: CRLF in the .txt, positions counting each CRLF as one character.
    write(os.path.join(HERE, "atlasti-crlf-one.qdpx"), zip_bytes([
        ("project.qde", project("ATLAS.ti 23.2.1", source(s, sel(g(202), 11, 22, [g(10)]))), True),
        (f"sources/{s}.txt", CRLF_TEXT.encode(), True),
    ]))
    # MAXQDA: BOM and CRLF (as QualCoder writes for it), a selection with only a
    # Description (a memo, no Coding), and nested codes.
    nested = (f'<Code guid="{g(11)}" name="Actors" isCodable="true" color="#A0B0C0">'
              f'<Code guid="{g(12)}" name="NGO" isCodable="true" color="#C0B0A0"/></Code>')
    write(os.path.join(HERE, "maxqda-bom-crlf-memo.qdpx"), zip_bytes([
        ("project.qde", project("MAXQDA 2022 (Release 22.0.1)", source(
            s, sel(g(203), 12, 23, [g(12)]) + sel(g(204), 0, 5, [], description="a memo")),
            codes=nested), True),
        (f"sources/{s}.txt", b"\xef\xbb\xbf" + CRLF_TEXT.encode(), True),
    ]))
    # Inline PlainTextContent (the XSD: either it or plainTextPath), and a coding of the
    # whole source.
    whole = (f'<Coding guid="{g(300)}" creatingUser="{g(1)}" creationDateTime="2024-03-05T10:00:00Z">'
             f'<CodeRef targetGUID="{OBJECTIVE_17}"/></Coding>')
    write(os.path.join(HERE, "inline-plaintextcontent.qdpx"), zip_bytes([
        ("project.qde", project("Any tool", source(
            s, sel(g(205), 0, 12, [OBJECTIVE_17]), path=False, inline=text, extra=whole)), True),
    ]))


def bad():
    s = g(100)
    text = "Objective 17 asks to eliminate discrimination."  # 46 code points
    ok_text = (f"sources/{s}.txt", text.encode(), False)

    def pair(name, data, expected):
        write(os.path.join(BAD, name), data)
        write(os.path.join(BAD, name + ".expected"), (expected + "\n").encode())

    pair("60-refi-not-a-zip.qdpx", b"This is plain text, not a REFI-QDA project.\n",
         "it is not a zip archive, or a damaged one")
    pair("61-refi-no-project.qdpx", zip_bytes([ok_text]), "its project.qde is missing")
    pair("62-refi-wrong-namespace.qdpx", zip_bytes([
        ("project.qde", project("x", source(s, ""), ns="urn:QDA-XML:project:2.0"), False), ok_text]),
        "its namespace is “urn:QDA-XML:project:2.0”, not urn:QDA-XML:project:1.0")
    lol = '<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
    pair("63-refi-entity.qdpx", zip_bytes([
        ("project.qde", project("x", source(s, ""), prolog=lol), False), ok_text]),
        "its project.qde declares a document type or entities, which REFI-QDA never uses")
    pair("64-refi-position-past-the-end.qdpx", zip_bytes([
        ("project.qde", project("x", source(s, sel(g(200), 40, 47, [OBJECTIVE_17]))), False), ok_text]),
        "ends at 47, past the end of its text (46 characters)")
    pair("65-refi-reversed-positions.qdpx", zip_bytes([
        ("project.qde", project("x", source(s, sel(g(200), 12, 4, [OBJECTIVE_17]))), False), ok_text]),
        "starts at 12, after its end at 4")
    pair("66-refi-unknown-code.qdpx", zip_bytes([
        ("project.qde", project("x", source(s, sel(g(200), 0, 12, [g(999)]))), False), ok_text]),
        "a coding refers to code 00000000-0000-4000-8000-000000000999, which its codebook does not declare")
    # A zip bomb that stays small: one deflated 10 MB text, and eleven directory entries
    # pointing at it (overlapping files): 110 MB inflated, past the 100 MB budget.
    # Each source's plainTextPath names its own file; all eleven entries share one body.
    sources = "".join(
        f'<TextSource guid="{g(500 + i)}" name="t{i}" plainTextPath="internal://t{i}.txt"/>'
        for i in range(11))
    pair("67-refi-zip-bomb.qdpx", zip_bytes(
        [("sources/t0.txt", b"a" * 10_000_000, True), ("project.qde", project("x", sources), False)],
        aliases=[(f"sources/t{i}.txt", 0) for i in range(1, 11)]),
        "it inflates to more than 100 MB (a zip bomb?)")
    pair("68-refi-source-text-missing.qdpx", zip_bytes([
        ("project.qde", project("x", source(s, sel(g(200), 0, 12, [OBJECTIVE_17]))), False)]),
        f"the text of source “Interview” (sources/{s}.txt) is missing")
    pair("69-refi-codebook-wrong-namespace.qdc",
         b'<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:project:1.0">'
         b'<Codes><Code guid="00000000-0000-4000-8000-000000000010" name="Actor" isCodable="true"/>'
         b'</Codes></CodeBook>\n',
         "its namespace is “urn:QDA-XML:project:1.0”, not urn:QDA-XML:codebook:1.0")


if __name__ == "__main__":
    fixtures()
    bad()
