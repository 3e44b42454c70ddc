import sys

from sitroom.cli import main

sys.exit(main())
