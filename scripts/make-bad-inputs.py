#!/usr/bin/env python3
"""Writes the bad inputs of scripts/measure-input-bounds.sh into a directory (nothing of it is checked in).

Each file is built the way an attacker or a broken export would build it: a DOCX whose text inflates to 300 MB
(many paragraphs, and one single run), a PDF whose page content inflates to 300 MB, deeply nested HTML, a JSONL
corpus with a 5.5 MB line, a text file above the text cap, and one ordinary paper so a batch shows that the
others go on.
"""
import os
import sys
import zipfile
import zlib

MB = 1024 * 1024
SENTENCE = "Die Verwaltung prüft die Sanierung der Grundschule am Lindenplatz und berichtet im Ausschuss. "


def docx(path, text_bytes, paragraph_chars):
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '</Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            unit = (SENTENCE * (paragraph_chars // len(SENTENCE) + 1))[:paragraph_chars].encode()
            if paragraph_chars >= text_bytes:
                part.write(b"<w:p><w:r><w:t>")
                block = (SENTENCE * (MB // len(SENTENCE) + 1)).encode()[:MB]
                for _ in range(text_bytes // MB):
                    part.write(block)
                part.write(b"</w:t></w:r></w:p>")
            else:
                paragraph = b"<w:p><w:r><w:t>" + unit + b"</w:t></w:r></w:p>"
                block = paragraph * (MB // len(unit))
                written = 0
                while written < text_bytes:
                    part.write(block)
                    written += len(unit) * (MB // len(unit))
            part.write(b"</w:body></w:document>")


def pdf(path, content_bytes):
    # One page whose content stream inflates to content_bytes: a real text line, then a sea of text operators.
    line = b"BT /F1 12 Tf 40 800 Td (Bericht der Verwaltung) Tj ET\n"
    filler = b"BT /F1 1 Tf 0 0 Td (x) Tj ET\n"
    compressor = zlib.compressobj(9)
    compressed = [compressor.compress(line)]
    block = filler * (MB // len(filler))
    for _ in range(content_bytes // len(block)):
        compressed.append(compressor.compress(block))
    compressed.append(compressor.flush())
    stream = b"".join(compressed)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
    with open(path, "wb") as f:
        f.write(out)


def main(directory):
    os.makedirs(directory, exist_ok=True)
    docx(os.path.join(directory, "bombe-300mb-absaetze.docx"), 300 * MB, 2000)
    docx(os.path.join(directory, "bombe-300mb-ein-lauf.docx"), 300 * MB, 300 * MB)
    pdf(os.path.join(directory, "bombe-300mb-inhalt.pdf"), 300 * MB)
    with open(os.path.join(directory, "tief-verschachtelt.html"), "w", encoding="utf-8") as f:
        f.write("<html><body>" + "<div>" * 200_000 + "Tief unten." + "</div>" * 200_000 + "</body></html>")
    with open(os.path.join(directory, "riesenzeile.jsonl"), "w", encoding="utf-8") as f:
        text = (SENTENCE * (int(5.5 * MB) // len(SENTENCE) + 1))[: int(5.5 * MB)]
        f.write('{"id":"26-99001","type":"Mitteilung","title":"Riesenzeile","visibility":"öffentlich","text":"' + text + '"}\n')
        f.write('{"id":"26-99002","type":"Mitteilung","title":"Normale Zeile","visibility":"öffentlich","text":"Die Brücke wird saniert."}\n')
    with open(os.path.join(directory, "ueberlang.txt"), "w", encoding="utf-8") as f:
        f.write((SENTENCE + "\n") * (40 * MB // (len(SENTENCE) + 1)))
    with open(os.path.join(directory, "normal.txt"), "w", encoding="utf-8") as f:
        f.write("Mitteilung der Verwaltung\n\nDie Sanierung der Brücke am Lindenplatz beginnt im Mai.\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")
