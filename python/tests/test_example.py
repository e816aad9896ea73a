"""examples/campaign.py runs as the README says and writes its plot."""

import subprocess
import sys

from conftest import REPO, module_env


def test_campaign_example(tmp_path):
    out = tmp_path / "campaign.png"
    run = subprocess.run([sys.executable, str(REPO / "examples" / "campaign.py"), str(out)],
                         capture_output=True, text=True, timeout=300, env=module_env(), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "expected reach" in run.stdout and f"wrote {out}" in run.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 10000
