"""
The demo's one patient form: a fictional new-patient questionnaire, written out as a small PDF
by code, so that no real clinic's form ships with the project. Its text is real text (not a
picture of text), so it can be searched, copied and read aloud.
"""

TITLE = "Sample new patient questionnaire"

# (font size, text) per line; an empty text is a blank line.
LINES = [
    (18, "SAMPLE FORM - FOR DEMONSTRATION ONLY"),
    (11, "This form is made up for the demo website. It is not a real clinic's form."),
    (11, ""),
    (16, "New patient questionnaire"),
    (11, "Please fill this in before your first visit and bring it with you."),
    (11, ""),
    (12, "About you"),
    (11, "Full name: ________________________________________________"),
    (11, "Date of birth: ____________________  Phone: _______________________"),
    (11, "Doctor who sent you to us (if any): ____________________________"),
    (11, ""),
    (12, "Your pain"),
    (11, "Where do you feel pain? ________________________________________"),
    (11, "How long have you had it? _____________________________________"),
    (11, "How strong is it today, from 0 (no pain) to 10 (worst possible)? ______"),
    (11, "What makes it better or worse? _________________________________"),
    (11, ""),
    (12, "Your health"),
    (11, "Medicines you take, with doses: ________________________________"),
    (11, "Do you take a blood thinner?   Yes / No   Which one? ______________"),
    (11, "Allergies (medicines, latex, contrast dye, iodine): _______________"),
    (11, "Treatments you have tried for this pain: ________________________"),
    (11, ""),
    (11, "Bring any recent scans (X-ray, MRI, CT) or their reports to your visit."),
]

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 612, 792, 64  # US Letter, in points


def _escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content_stream():
    commands, y = ["BT"], PAGE_HEIGHT - MARGIN
    for size, text in LINES:
        y -= round(size * 1.6)
        if text:
            font = "F2" if size >= 12 else "F1"  # headings in bold
            commands.append(f"/{font} {size} Tf 1 0 0 1 {MARGIN} {y} Tm ({_escape(text)}) Tj")
    commands.append("ET")
    return "\n".join(commands).encode("latin-1")


def sample_form_pdf():
    """The bytes of a one-page PDF 1.4 file: the standard Helvetica fonts, no images."""
    stream = _content_stream()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (en-US) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title ({_escape(TITLE)}) /Producer (clinic demo) >>".encode(),
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(pdf)
