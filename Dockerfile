# Self-hosting: slim Python, the CPU build of PyTorch, a non-root user, a health check.
#   docker build -t dl-probability-lab .
#   docker run --rm -p 8501:8501 dl-probability-lab      # then open http://localhost:8501
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN useradd --create-home --uid 10001 lab
WORKDIR /app

COPY requirements.txt .
# requirements.txt pins torch's CPU build and names where pip finds it
RUN pip install -r requirements.txt

COPY --chown=lab:lab . .
USER lab

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501", \
     "--server.fileWatcherType=none"]
