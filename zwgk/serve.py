"""`zwgk serve`: Datasette on the archive, with the project's plugin loaded."""


def run_datasette(db_paths: list[str], port: int) -> None:
    from datasette.cli import cli as datasette_cli

    datasette_cli.main(["serve", *db_paths, "--host", "127.0.0.1", "--port", str(port)], prog_name="zwgk serve")
