# Every developer and CI entry point. Each target installs what it needs into ./.venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SERVER_STAMP := $(VENV)/.installed-server
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
REDIS_URL ?= redis://127.0.0.1:6379/0
CELERY_BROKER ?= redis://127.0.0.1:6379/2
# The suites run on both cores, a test file per worker at a time (XDIST= runs them serially),
# handed out in collection order: tests/conftest.py puts the longest files first.
XDIST ?= -n 2 --dist loadfile --no-loadscope-reorder
# The slowest tests of each run are listed at its end (where CI time goes).
DURATIONS ?= --durations=15
# The tests start hundreds of Python processes (a server per test that needs its own settings,
# Celery workers, pipectl): each imports the server or the client from bytecode compiled once,
# kept in .venv/pycache (out of the tree), also where the environment sets
# PYTHONDONTWRITEBYTECODE (compiling from source was ~0.6 s of CPU of each server start and a
# third of each pipectl run's).
TEST_TARGETS := test-sqlite test-postgres test-redis test-celery test-scaleout test-typescript fuzz
$(TEST_TARGETS): export PYTHONDONTWRITEBYTECODE :=
$(TEST_TARGETS): export PYTHONPYCACHEPREFIX := $(CURDIR)/$(VENV)/pycache
# Tasks in `make bench`'s scale-out part (bench/scaleout.py; 10,000 is its default).
SCALEOUT_TASKS ?= 10000
# ReDoc's standalone bundle ships as data of this package; its Django dependency is not needed
# because the package is never imported (see server/pipelines_server/app.py).
REDOC_PKG := drf-spectacular-sidecar==2026.10.1

.PHONY: install install-dev install-server serve worker kfp-worker bootstrap test sandbox-deps test-sqlite test-postgres test-redis test-celery test-scaleout \
        generate check-generated test-typescript lint lint-spec fuzz bench clean

install: $(STAMP)

# The same, by the name the newcomer's guide uses: the server plus the test and developer tools.
install-dev: $(STAMP)

# Only what the server needs at run time (what `make serve` installs), e.g. on a production host.
install-server: $(SERVER_STAMP)

# What the server needs (make serve, worker, kfp-worker, bootstrap), then the test and
# developer tools on top (every other target).
$(SERVER_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps $(REDOC_PKG)
	touch $(SERVER_STAMP)

$(STAMP): $(SERVER_STAMP) client/pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet -e ./client
	touch $(STAMP)

serve: $(SERVER_STAMP)
	$(BIN)/pipelines-server serve

# A Celery worker for machine nodes and jobs, for servers started with PIPELINES_EXECUTOR=celery; it
# reads the same PIPELINES_DATABASE_URL and PIPELINES_BROKER_URL as the server. Two workers on one
# host need distinct names: make worker NAME=w1 CONCURRENCY=2.
NAME ?=
CONCURRENCY ?=
worker: $(SERVER_STAMP)
	$(BIN)/pipelines-server worker $(if $(NAME),--name $(NAME)@%h) $(if $(CONCURRENCY),--concurrency $(CONCURRENCY))

kfp-worker: $(SERVER_STAMP)
	$(BIN)/pipelines-server kfp-worker

bootstrap: $(SERVER_STAMP)
	$(BIN)/pipelines-server bootstrap

# The whole suite on SQLite, then the API and contract suites again on PostgreSQL, the
# rate-limit tests on Redis, and the engine tests once more with a real Celery worker on
# Redis (each skips with a message when its service is not reachable).
test: $(STAMP) sandbox-deps test-sqlite test-postgres test-redis test-celery test-scaleout

# User code runs in a bubblewrap sandbox by default, and the sandbox tests need it: install
# Debian's package when it is missing and we can (root with apt-get); otherwise say so (those
# tests then skip with that reason, and the server warns that user code runs unsandboxed).
sandbox-deps:
	@command -v bwrap >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap; \
	  else \
	    echo "bubblewrap (bwrap) is missing: install it (sudo apt-get install bubblewrap);" \
	         "until then the sandbox tests are skipped"; \
	  fi; }

test-sqlite: $(STAMP)
	$(BIN)/pytest tests -q $(XDIST) $(DURATIONS)

# On PostgreSQL: every API test, the fuzzing of every spec (the spec and generated-client checks
# do not touch a database), and the compatibility tests whose subject is what
# the database does (KFP lists with filters and paging, run records, durability, schedules,
# experiments, the platform spec column). The other compatibility tests judge a client's
# fidelity (the pipelines-sdk, kfp's DAG semantics, the samples, the sandbox): the same handlers
# over the same domain, which tests/api already runs on PostgreSQL; they run once, on SQLite,
# to keep the whole CI run under 30 minutes.
PG_COMPAT := tests/compat/test_kfp_pipelines.py tests/compat/test_kfp_run_lists.py \
  tests/compat/test_kfp_runs.py tests/compat/test_kfp_durability.py \
  tests/compat/test_kfp_recurring_runs.py tests/compat/test_kfp_experiments.py \
  tests/compat/test_kfp_platform.py

test-postgres: $(STAMP)
	PIPELINES_TEST_DATABASE_URL=$(PG_URL) $(BIN)/pytest tests/api tests/contract/test_fuzz_*.py $(PG_COMPAT) -q -m "not redis" $(XDIST) $(DURATIONS)

test-redis: $(STAMP)
	PIPELINES_TEST_REDIS_URL=$(REDIS_URL) $(BIN)/pytest tests/api tests/unit -q -m redis

test-celery: $(STAMP)
	PIPELINES_TEST_CELERY_BROKER=$(CELERY_BROKER) $(BIN)/pytest tests/api/engine -q -m "not redis" $(XDIST)

# Scale-out: several servers and Celery workers on one PostgreSQL database and a Redis broker,
# stopped and killed mid-run; Redis and the broker taken away (tests/scaleout).
test-scaleout: $(STAMP)
	PIPELINES_TEST_DATABASE_URL=$(PG_URL) PIPELINES_TEST_SCALEOUT_BROKER=$(CELERY_BROKER) \
	  PIPELINES_TEST_REDIS_URL=$(REDIS_URL) $(BIN)/pytest tests/scaleout -q $(XDIST)

# The Python clients, then the TypeScript one (npm ci of its pinned generator into
# generated/typescript/node_modules, then openapi-typescript); needs Node.js 20+ and npm.
generate: $(STAMP)
	$(BIN)/python scripts/generate_clients.py

# The TypeScript client alone: drift, `tsc --noEmit --strict`, the smoke test against a real
# server and the README's example (test-sqlite runs it too; skipped without Node.js or npm).
test-typescript: $(STAMP)
	$(BIN)/pytest tests/client/test_typescript.py -q

check-generated: generate
	git diff --exit-code -- generated/ && test -z "$$(git status --porcelain -- generated/)"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

lint-spec: $(STAMP)
	$(BIN)/openapi-spec-validator openapi/*.yaml

fuzz: $(STAMP)
	$(BIN)/pytest tests/contract -q -s

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/kfp_bench.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/main_api.py
	$(BIN)/python bench/ui.py
	PIPELINES_TEST_DATABASE_URL=$(PG_URL) $(BIN)/python bench/ui.py --out bench/ui-results-postgres.md
	$(BIN)/python bench/scaleout.py --label after --tasks $(SCALEOUT_TASKS)

# Back to a fresh checkout: the virtualenv and everything the server keeps under ./var (the SQLite
# database, uploads, project files, KFP artifacts, the bootstrap key file and the secret key that
# encrypts credentials). The next `make serve` starts empty and bootstraps again.
clean:
	rm -rf $(VENV) var
