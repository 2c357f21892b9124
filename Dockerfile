# Stillnight's image: `docker build -t stillnight .`, then see docs/DEPLOY.md.
#
#   docker run -d --env-file .env -v stillnight-data:/app/data stillnight   # SQLite, polling
#   docker run --rm --env-file .env stillnight migrate                       # only migrate
#
# `python -m bot` applies the database migrations itself at start, then polls, or serves
# webhooks when WEBHOOK_URL is set. The migrations ship inside the installed package.

# --- build: install the package and its dependencies into a virtualenv --------------------
FROM python:3.11-slim AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
WORKDIR /src
# Only what the bot runs from (pyproject's runtime packages: bot, handlers, models, migrations);
# the development tools in the same distribution (stillnight_dev, bench) stay out of the image.
COPY pyproject.toml README.md ./
COPY bot/ bot/
COPY handlers/ handlers/
COPY models/ models/
COPY migrations/ migrations/
RUN /opt/venv/bin/pip install --no-cache-dir .

# --- runtime: the virtualenv alone, run as an unprivileged user ---------------------------
FROM python:3.11-slim

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MPLCONFIGDIR=/tmp/matplotlib

RUN groupadd --system --gid 10001 stillnight \
 && useradd --system --uid 10001 --gid stillnight --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin stillnight

COPY --from=build /opt/venv /opt/venv

WORKDIR /app
# SQLite's place in the image (a DATABASE_URL in the environment, e.g. Compose's PostgreSQL,
# replaces it). Owned by the bot's user before VOLUME, so a new named volume mounted here is
# writable by it too.
ENV DATABASE_URL=sqlite+aiosqlite:////app/data/stillnight.db
RUN install -d -o stillnight -g stillnight -m 0700 /app/data /app/keys
VOLUME ["/app/data"]

USER stillnight

# The webhook server (WEBHOOK_PORT's default); nothing listens here when the bot polls.
EXPOSE 8080

# GET /healthz on the webhook server: 200 when the database answers. A polling bot serves no
# HTTP, so without WEBHOOK_URL the check passes (the process being up is all there is to see).
# Python, not curl: the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; os.environ.get('WEBHOOK_URL') and r.urlopen('http://127.0.0.1:%s/healthz' % (os.environ.get('WEBHOOK_PORT') or '8080'), timeout=4)"]

ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
