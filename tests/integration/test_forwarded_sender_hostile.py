"""A forwarded mail written to make the attribution-line search slow is read at speed.

`views._WROTE` (a reply's "On …, Maria Lund <maria.lund@x.se> wrote:") let the engine
try every split of a run of blanks: a 1.7 MB forward of lines "on" + blanks + text cost
9 s per call, and the call runs for the classifier, `check` and the registration
proposal (in the daemon process when it classifies with one worker). Found by
fuzzing session 13's forwarded-sender code (session 14, helper robust).
"""

from __future__ import annotations

import time
from pathlib import Path

from recordkeeper.classify.views import forwarded_sender
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts

_MAIL = """From: Per Sund <per.sund@myndighet.se>
To: Registrator <registrator@myndighet.se>
Subject: VB: Intressedeklaration
Date: Wed, 29 Apr 2026 10:00:00 +0200
Content-Type: text/plain; charset=utf-8

Se nedan.

Från: Olle Berg <olle.berg@myndighet.se>
Skickat: den 28 april 2026 09:00
Ämne: VB: Intressedeklaration

{junk}
On Sun, 26 Apr 2026 at 20:14, Maria Lund <maria.lund@region.se> wrote:
> Här är min deklaration.
"""


def test_a_forward_full_of_blank_runs_is_read_at_speed_with_the_same_answer(
    tmp_path: Path,
) -> None:
    junk = ("on " + " " * 77 + "x" * 60 + "\n") * 12_000  # 1.7 MB
    path = tmp_path / "VB Intressedeklaration.eml"
    path.write_text(_MAIL.format(junk=junk), encoding="utf-8")
    facts = extract_file(path, path.name, Limits())
    assert isinstance(facts, DocumentFacts) and facts.email is not None
    started = time.process_time()
    writer = forwarded_sender(facts.email.subject, facts.text, facts.email.sender)
    spent = time.process_time() - started
    # the hop from Olle Berg only passed it on: the writer is the attribution line's
    assert writer == "Maria Lund <maria.lund@region.se>"
    assert spent < 3.0, f"{spent:.1f} s (5.6-9.4 s before)"
