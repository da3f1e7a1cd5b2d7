from giklint.entry import main

raise SystemExit(main())
