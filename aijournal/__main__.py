from aijournal.cli import main

main()
