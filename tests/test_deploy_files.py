"""The deployment files say what they must and agree with each other and with the code.

Dockerfile, .dockerignore, docker-compose.yml, deploy/ and docs/DEPLOY.md are checked as
text, offline and cheaply. No Docker engine (nor the compose plugin) runs on these
machines, so the compose file is checked as text; the units go through
`systemd-analyze verify` and the nginx config through `nginx -t` (.ci/run installs nginx
when it is missing). A test that runs a program skips, saying so, on a machine without it,
except under CI (CI=true), where it runs and a missing program fails it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from contextlib import closing
from fnmatch import fnmatch
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from bot.cli import _parser
from bot.migrate import alembic_config, upgrade_sync

ROOT = Path(__file__).resolve().parents[1]

# Variables the deployment files may use that are not the bot's settings: compose's own
# (documented in docker-compose.yml and DEPLOY.md), the postgres image's, matplotlib's.
COMPOSE_VARIABLES = {"POSTGRES_PASSWORD", "BOT_REPLICAS", "COMPOSE_PROFILES"}
POSTGRES_IMAGE_VARIABLES = {"POSTGRES_USER", "POSTGRES_DB", "POSTGRES_PASSWORD"}
OTHER_PROGRAMS_VARIABLES = {"MPLCONFIGDIR"}
# Packages of the distribution that stay out of the image: the development tools (the Bot
# API stand-in and the demo, the benchmarks).
DEV_PACKAGES = {"stillnight_dev", "bench"}


def needs(*programs: str, how: str) -> pytest.MarkDecorator:
    """Skip unless each program is on PATH; `how`: where one gets it. Never skips under CI."""
    missing = [name for name in programs if shutil.which(name) is None]
    return pytest.mark.skipif(
        bool(missing) and not os.environ.get("CI"),
        reason=f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not installed"
        f" ({how})",
    )


def read(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


def settings_names() -> set[str]:
    """Every setting .env.example documents (set, or commented out to keep the default)."""
    return set(re.findall(r"^(?:# )?([A-Z][A-Z0-9_]*)=", read(".env.example"), re.M))


def subcommands() -> set[str]:
    action = next(a for a in _parser()._actions if a.dest == "command")
    return set(action.choices)


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without any setting or compose variable, plus `extra`."""
    drop = settings_names() | COMPOSE_VARIABLES
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **extra}


# ------------------------------------------------------------------------------ Dockerfile


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", read("Dockerfile"))
    lines = (line.strip() for line in text.splitlines())
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
        for line in lines
        if line and not line.startswith("#")
    ]


def final_stage() -> list[tuple[str, str]]:
    steps = instructions()
    last_from = max(i for i, (name, _) in enumerate(steps) if name == "FROM")
    return steps[last_from:]


def exec_form(args: str) -> list[str]:
    return json.loads(args)


def copy_sources() -> set[str]:
    """What the COPY instructions take from the build context."""
    return {
        part.rstrip("/")
        for name, args in instructions()
        if name == "COPY" and not args.startswith("--from")
        for part in args.split()[:-1]
    }


def test_the_image_is_python_311_slim() -> None:
    bases = [args.split()[0] for name, args in instructions() if name == "FROM"]
    assert bases and all(base == "python:3.11-slim" for base in bases)


def test_the_image_runs_python_m_bot_as_a_user_who_is_not_root() -> None:
    stage = final_stage()
    names = [name for name, _ in stage]
    users = [args for name, args in stage if name == "USER"]
    assert users, "the runtime stage must switch to an unprivileged USER"
    assert users[-1].split(":")[0] not in ("root", "0")
    assert names.index("USER") < names.index("ENTRYPOINT")
    entrypoint = exec_form(dict(stage)["ENTRYPOINT"])
    assert entrypoint == ["python", "-m", "bot"]
    command = exec_form(dict(stage)["CMD"])
    assert command[0] in subcommands()  # `python -m bot run`: migrates at start, then runs
    assert ("WORKDIR", "/app") in stage


def test_the_image_installs_the_package_so_the_migrations_ship_inside_it() -> None:
    assert any(
        name == "RUN" and re.search(r"pip install --no-cache-dir \.(\s|$)", args)
        for name, args in instructions()
    )
    copied = copy_sources()
    find = tomllib.loads(read("pyproject.toml"))["tool"]["setuptools"]["packages"]["find"]
    packages = [pattern.rstrip("*") for pattern in find["include"]]
    assert "migrations" in packages
    for package in packages:
        assert (ROOT / package / "__init__.py").exists()
        if package in DEV_PACKAGES:
            assert package not in copied, f"{package} is a development tool, not for the image"
        else:
            assert package in copied, f"{package} is not copied"
    # Subpackages need an __init__ too, or a non-editable install leaves them out.
    assert (ROOT / "migrations" / "versions" / "__init__.py").exists()
    assert "pyproject.toml" in copied and "README.md" in copied  # pyproject's readme=


def test_sqlite_data_lives_in_a_volume_at_app_data() -> None:
    stage = final_stage()
    volumes = [v for name, args in stage if name == "VOLUME" for v in exec_form(args)]
    assert volumes == ["/app/data"]
    env = " ".join(args for name, args in stage if name == "ENV")
    assert "DATABASE_URL=sqlite+aiosqlite:////app/data/stillnight.db" in env
    user = [args for name, args in stage if name == "USER"][-1]
    chown = [args for name, args in stage if name == "RUN" and "/app/data" in args]
    assert chown and f"-o {user}" in chown[0], "the data folder must belong to the bot"


def test_dockerignore_keeps_secrets_and_clutter_out_but_not_what_is_built() -> None:
    patterns = [
        line.strip()
        for line in read(".dockerignore").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    ignored = [p.rstrip("/") for p in patterns if not p.startswith("!")]
    for must in (".env", ".git", ".venv", "data", ".pytest_cache", "tests", *DEV_PACKAGES):
        assert must in ignored, f"{must} belongs in .dockerignore"
    for source in copy_sources():
        assert not any(fnmatch(source, p) for p in ignored), f"{source} is ignored yet copied"


# --- the image's HEALTHCHECK, run here as Docker would run it


def healthcheck_command() -> list[str]:
    args = dict(final_stage())["HEALTHCHECK"]
    command = exec_form(args.split("CMD", 1)[1])
    assert command[:2] == ["python", "-c"], "no curl in the slim image: use python"
    return [sys.executable, *command[1:]]


class _Health(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        code = self.status if self.path == "/healthz" else 404
        self.send_response(code)
        self.end_headers()
        self.wfile.write(b"ok" if code == 200 else b"no")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def health_server() -> Iterator[tuple[ThreadingHTTPServer, type[_Health]]]:
    handler = type("Handler", (_Health,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler
    server.shutdown()
    server.server_close()


def run_healthcheck(**env: str) -> int:
    done = subprocess.run(healthcheck_command(), env=clean_env(**env), capture_output=True)
    return done.returncode


def test_healthcheck_passes_when_polling() -> None:
    assert run_healthcheck() == 0
    assert run_healthcheck(WEBHOOK_URL="") == 0  # .env.example's empty value: polling


def test_healthcheck_follows_healthz_in_webhook_mode(health_server) -> None:
    server, handler = health_server
    webhook = {"WEBHOOK_URL": "https://bot.example.com/telegram"}
    port = str(server.server_address[1])
    assert run_healthcheck(**webhook, WEBHOOK_PORT=port) == 0
    handler.status = 503  # the database does not answer
    assert run_healthcheck(**webhook, WEBHOOK_PORT=port) != 0
    server.shutdown()
    server.server_close()
    assert run_healthcheck(**webhook, WEBHOOK_PORT=port) != 0  # nothing listens


# ------------------------------------------------------------------------ docker-compose.yml


def top_level() -> dict[str, str]:
    """Top-level keys of docker-compose.yml and their indented blocks."""
    blocks: dict[str, str] = {}
    for chunk in re.split(r"\n(?=[A-Za-z])", read("docker-compose.yml")):
        match = re.match(r"([\w.-]+):", chunk)
        if match:
            blocks[match.group(1)] = chunk
    return blocks


def services() -> dict[str, str]:
    """Each service's block, with the anchor it merges (`<<: *name`) appended."""
    blocks = top_level()
    anchors = {
        m.group(1): block
        for block in blocks.values()
        if (m := re.match(r"[\w.-]+: &([\w-]+)", block))
    }
    result = {}
    for chunk in re.split(r"\n(?=  [\w-]+:\n)", blocks["services"])[1:]:
        name = chunk.strip().split(":")[0]
        merged = re.search(r"<<: \*([\w-]+)", chunk)
        result[name] = chunk + ("\n" + anchors[merged.group(1)] if merged else "")
    return result


def environment_names(block: str) -> set[str]:
    """Keys of the `environment:` mappings in a block."""
    names: set[str] = set()
    for match in re.finditer(r"^( *)environment:\n((?:\1  .*\n|\s*#.*\n)*)", block + "\n", re.M):
        names |= set(re.findall(r"^\s+([A-Z][A-Z0-9_]*):", match.group(2), re.M))
    return names


def test_postgres_has_a_volume_and_a_healthcheck() -> None:
    postgres = services()["postgres"]
    assert re.search(r"image: postgres:16\b", postgres)
    assert re.search(r"- pgdata:/var/lib/postgresql/data", postgres)
    assert "pgdata:" in top_level()["volumes"]
    assert re.search(r"healthcheck:\n\s+test: .*pg_isready", postgres)


def test_the_bot_uses_postgres_once_it_is_healthy_and_migrated() -> None:
    every = services()
    bot, migrate = every["bot"], every["migrate"]
    for service in (bot, migrate):
        assert "env_file: .env" in service
        assert re.search(r"DATABASE_URL: postgresql\+asyncpg://.+@postgres:5432/", service)
        assert re.search(r"postgres:\n\s+condition: service_healthy", service)
    assert re.search(r'command: \["migrate"\]', migrate)
    assert re.search(r"migrate:\n\s+condition: service_completed_successfully", bot)
    assert re.search(r"replicas: \$\{BOT_REPLICAS:-1\}", bot)  # polling: one process


def test_webhook_profile_puts_nginx_in_front_of_the_bot_replicas() -> None:
    proxy = services()["proxy"]
    assert re.search(r'profiles: \["webhook"\]', proxy)
    assert re.search(r"image: nginx:", proxy)
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in proxy
    assert '"443:443"' in proxy
    # nginx finds the replicas by service name, on the port compose gives them.
    bot = services()["bot"]
    port = re.search(r'WEBHOOK_PORT: "(\d+)"', bot).group(1)
    assert f'- "{port}"' in bot  # expose
    active = [line for line in upstream_lines() if not line.lstrip().startswith("#")]
    assert any(re.match(rf"\s*server bot:{port}\b", line) for line in active)


def test_compose_explains_polling_and_webhook() -> None:
    header = read("docker-compose.yml").split("\nname:")[0].lower()
    header = " ".join(header.replace("#", " ").split())
    assert "only one process may poll" in header
    assert "webhook" in header and "several processes" in header
    for variable in COMPOSE_VARIABLES:
        assert variable.lower() in header


def test_compose_uses_only_documented_names() -> None:
    documented = settings_names()
    every = services()
    for name, block in every.items():
        names = environment_names(block)
        if name == "postgres":
            assert names <= POSTGRES_IMAGE_VARIABLES
        else:
            assert names <= documented, f"{name}: {names - documented} not in .env.example"
    interpolated = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", read("docker-compose.yml")))
    deploy_md = read("docs/DEPLOY.md")
    for variable in interpolated - documented:
        assert variable in COMPOSE_VARIABLES and variable in deploy_md


# ------------------------------------------------------------------------------- systemd


def unit(rel: str) -> dict[str, list[tuple[str, str]]]:
    """A unit file's sections as (key, value) lists (keys may repeat)."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = ""
    for line in read(rel).splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
        else:
            key, _, value = line.partition("=")
            sections[current].append((key, value))
    return sections


def values(section: list[tuple[str, str]], key: str) -> list[str]:
    return [value for k, value in section if k == key]


UNITS = ["deploy/stillnight.service", "deploy/stillnight@.service"]
HARDENING = {"NoNewPrivileges": "yes", "ProtectSystem": "strict", "PrivateTmp": "yes"}


@pytest.mark.parametrize("rel", UNITS)
def test_units_run_the_bot_as_its_own_user_restarting_on_failure(rel: str) -> None:
    sections = unit(rel)
    service = sections["Service"]
    assert values(service, "User") == ["stillnight"]
    assert values(service, "Restart") == ["on-failure"]
    assert values(service, "EnvironmentFile")
    workdir = values(service, "WorkingDirectory")[0]
    assert values(service, "ExecStart")[0].endswith(f"{workdir}/.venv/bin/python -m bot")
    for key, value in HARDENING.items():
        assert values(service, key) == [value]
    # SQLite's file is in the data folder: the one place it may write.
    # The data, and the master key and key store (docs/DEPLOY.md, section 12).
    assert values(service, "ReadWritePaths") == [f"{workdir}/data {workdir}/keys"]
    if rel == "deploy/stillnight.service":
        sqlite = f"DATABASE_URL=sqlite+aiosqlite:///{workdir}/data/stillnight.db"
        assert sqlite in values(service, "Environment")
    assert values(sections["Install"], "WantedBy") == ["multi-user.target"]


def test_template_instances_listen_on_their_port_and_only_as_webhooks() -> None:
    service = unit("deploy/stillnight@.service")["Service"]
    # EnvironmentFile= wins over Environment=, so the port goes on the command line.
    assert "WEBHOOK_PORT=%i " in values(service, "ExecStart")[0]
    pre = values(service, "ExecStartPre")
    assert any("$$WEBHOOK_URL" in line and "exit" in line for line in pre)
    assert any(line.endswith("python -m bot migrate") and "flock" in line for line in pre)


@pytest.mark.parametrize("rel", UNITS)
def test_units_use_only_documented_names(rel: str) -> None:
    service = unit(rel)["Service"]
    names = {value.split("=")[0] for value in values(service, "Environment")}
    for line in values(service, "ExecStart") + values(service, "ExecStartPre"):
        names |= set(re.findall(r"\b([A-Z][A-Z0-9_]*)=", line))
        names |= set(re.findall(r"\$\$\{?([A-Z][A-Z0-9_]*)", line))
    assert names <= settings_names() | OTHER_PROGRAMS_VARIABLES


@needs("systemd-analyze", how="it comes with systemd")
def test_systemd_analyze_verify_accepts_the_units(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".venv" / "bin").mkdir(parents=True)
    (home / "data").mkdir()
    (home / ".env").write_text("")
    (home / ".venv" / "bin" / "python").symlink_to(sys.executable)
    units = tmp_path / "units"
    units.mkdir()
    for rel in UNITS:
        text = read(rel).replace("/opt/stillnight", str(home))
        (units / Path(rel).name).write_text(text)
    env = {**os.environ, "SYSTEMD_UNIT_PATH": f"{units}:"}
    for name in ("stillnight.service", "stillnight@8081.service"):
        done = subprocess.run(
            ["systemd-analyze", "verify", name], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0 and not done.stderr.strip(), done.stderr


# -------------------------------------------------------------------------------- nginx


def upstream_lines() -> list[str]:
    block = re.search(r"upstream stillnight \{\n(.*?)\n\}", read("deploy/nginx.conf"), re.S)
    return [line for line in block.group(1).splitlines() if "server " in line]


def webhook_path() -> str:
    """The path of the example WEBHOOK_URL in DEPLOY.md."""
    doc = read("docs/DEPLOY.md")
    return re.search(r"WEBHOOK_URL.*?https://bot\.example\.com(/[\w/-]*)", doc).group(1)


def test_nginx_balances_over_several_processes_with_tls() -> None:
    conf = read("deploy/nginx.conf")
    systemd_lines = [line for line in upstream_lines() if re.search(r"#\s*systemd", line)]
    ports = [int(re.search(r"127\.0\.0\.1:(\d+)", line).group(1)) for line in systemd_lines]
    assert len(set(ports)) >= 2 and min(ports) == 8081  # stillnight@8081, stillnight@8082
    assert re.search(r"listen 443 ssl;", conf)
    assert re.search(r"ssl_certificate\s+/etc/letsencrypt/live/bot\.example\.com/", conf)
    assert re.search(r"ssl_certificate_key\s+/etc/letsencrypt/live/bot\.example\.com/", conf)
    for path in (webhook_path(), "/healthz"):
        block = re.search(rf"location = {re.escape(path)} \{{(.*?)\n    \}}", conf, re.S)
        assert block, f"no location for {path}"
        assert "proxy_pass http://stillnight;" in block.group(1)


def for_a_host(conf: str) -> str:
    """deploy/nginx.conf edited as DEPLOY.md says for systemd: the "compose" lines deleted,
    the "systemd" lines uncommented."""
    lines = []
    for line in conf.splitlines():
        if re.search(r"#\s*compose\b", line) and not line.lstrip().startswith("#"):
            continue
        line = re.sub(r"^(\s*)#\s*(server .*#\s*systemd\b)", r"\1\2", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


@needs("nginx", "openssl", how=".ci/run installs nginx and openssl")
def test_nginx_accepts_the_config_edited_for_a_host(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=bot.example.com", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    conf = for_a_host(read("deploy/nginx.conf"))
    assert "server bot:" not in conf and "server 127.0.0.1:8081" in conf
    conf = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};", conf)
    conf = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", conf)
    (tmp_path / "stillnight.conf").write_text(conf)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log stderr;\nevents {{}}\n"
        f"http {{ include {tmp_path}/stillnight.conf; }}\n"
    )
    done = subprocess.run(
        ["nginx", "-t", "-e", "stderr", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------------------- DEPLOY.md


def test_deploy_md_covers_backups_of_both_databases_and_upgrades() -> None:
    doc = read("docs/DEPLOY.md")
    for needed in (
        "@BotFather",
        ".restore",
        "pg_dump -Fc",
        "pg_restore",
        "python -m bot migrate",
        "command.downgrade",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "/healthz",
        "docker compose",
        "systemctl",
        "encrypt",
    ):
        assert needed in doc, needed
    assert re.search(r"sqlite3 \S+/stillnight\.db\s+\\?\s*\"\.backup '", doc), "online backup"
    assert re.search(r"^\s+\d+\s+\d+\s+\*\s+\*\s+\*\s+\w+\s+/\S+", doc, re.M), "a cron line"
    upgrade = doc.split("## 8. Upgrading")[1].split("\n## ")[0]
    assert upgrade.index("python -m bot migrate") < upgrade.index("systemctl restart stillnight@")


def test_deploy_md_names_real_commands_files_and_settings() -> None:
    doc = read("docs/DEPLOY.md")
    for sub in re.findall(r"python -m bot ([\w-]+)", doc):
        assert sub in subcommands(), f"python -m bot {sub}"
    files = re.findall(r"`((?:deploy|docs)/[\w@./-]+|Dockerfile|docker-compose\.yml)", doc)
    for rel in set(files):
        assert (ROOT / rel).exists(), rel
    names = set(re.findall(r"\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)=", doc))
    assert names <= settings_names() | COMPOSE_VARIABLES | OTHER_PROGRAMS_VARIABLES


@needs("bash", how="the scripts are bash")
def test_the_backup_scripts_in_deploy_md_are_valid_bash() -> None:
    scripts = re.findall(r"\n    #!/bin/bash\n((?:    .*\n|\n)*?)\n(?=\S)", read("docs/DEPLOY.md"))
    assert len(scripts) == 3  # SQLite, PostgreSQL and the key store
    for script in scripts:
        text = "\n".join(line[4:] for line in script.splitlines())
        assert "set -euo pipefail" in text and "age -r" in text
        done = subprocess.run(["bash", "-n"], input=text, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_the_documented_downgrade_command_works(tmp_path: Path) -> None:
    database = tmp_path / "stillnight.db"
    url = f"sqlite+aiosqlite:///{database}"
    upgrade_sync(url)
    previous = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    previous = ScriptDirectory.from_config(alembic_config(url)).get_revision(previous)
    snippet = re.search(
        r'python -c "(from alembic [^"]*command\.downgrade[^"]*)"', read("docs/DEPLOY.md")
    )
    code = snippet.group(1).replace("'REV'", repr(previous.down_revision))
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=clean_env(DATABASE_URL=url),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    with closing(sqlite3.connect(database)) as connection:
        after = connection.execute("select version_num from alembic_version").fetchone()
    assert after == (previous.down_revision,)
