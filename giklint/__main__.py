from giklint.cli import main

raise SystemExit(main())
