"""The commands of `pmo`, one module per command or group of commands.

Each command reads its options, calls the library and prints the result; the rules and the
work live in the library. `cli.py` gathers the commands into the `pmo` group and maps every
outcome to an exit status.
"""
