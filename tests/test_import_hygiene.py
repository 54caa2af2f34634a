"""The core runs without the UI: assistant/ and knowledge/ never import textual or tui."""
import subprocess
import sys


def test_core_imports_no_textual():
    code = "import sys, assistant.service, assistant.cli, knowledge.pipeline, knowledge.index; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
