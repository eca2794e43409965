# Shortcuts for people who have make; setup.sh does the work and needs only bash.
.PHONY: run test install lint bench snapshots
run:
	bash setup.sh run
test:
	bash setup.sh test
install:
	bash setup.sh install
lint: install
	.venv/bin/ruff check warmup_tui tests benchmarks
	.venv/bin/mypy
bench:
	bash setup.sh install && .venv/bin/python benchmarks/run_all.py
snapshots:
	bash setup.sh test tests/ui --snapshot-update
