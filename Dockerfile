# The Battle of Ber bot: `docker run -e TELEGRAM_BOT_TOKEN=... -v berbot-data:/data IMAGE`.

# Build stage: install the package and its dependencies into a virtual environment, so the
# runtime image gets them without the source tree, the build backend or pip itself.
FROM python:3.12-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY . .
# A non-editable install: the wheel carries knowledge/ inside the package as bot/knowledge.
# The last step answers a question from outside /src, which fails unless the pack was bundled.
RUN python -m venv /opt/berbot \
    && /opt/berbot/bin/pip install --no-cache-dir . \
    && /opt/berbot/bin/pip uninstall --yes --quiet pip setuptools \
    && cd / && /opt/berbot/bin/python -m bot ask "who won?" >/dev/null

FROM python:3.12-slim
# PYTHONSAFEPATH: `python -m bot` must not import from the working directory, a writable volume.
ENV PATH=/opt/berbot/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONSAFEPATH=1 \
    BERBOT_DATA_DIR=/data
RUN groupadd --gid 10001 berbot \
    && useradd --uid 10001 --gid berbot --no-log-init --no-create-home --home-dir /data \
        --shell /usr/sbin/nologin berbot \
    && mkdir /data \
    && chown berbot:berbot /data
COPY --from=build /opt/berbot /opt/berbot
# Declared after the chown: a new volume starts out owned by the bot's user.
VOLUME ["/data"]
WORKDIR /data
USER berbot
# python-telegram-bot stops polling or its webhook server cleanly on SIGTERM, even as PID 1.
STOPSIGNAL SIGTERM
# No ENTRYPOINT, so any command runs as well: `docker run IMAGE python -m bot ask "who won?"`.
CMD ["python", "-m", "bot", "run"]
