"""Running the command line in-process, as a user types it."""

from click.testing import CliRunner

from aijournal.cli import cli


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> tuple[int, str]:
    """Exit code and everything printed (stdout and stderr) of `aijournal ARGS`."""
    result = CliRunner().invoke(cli, list(args), env=env, input=input)
    return result.exit_code, result.output
