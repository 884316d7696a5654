complete --keep-order --exclusive --command rsupport --arguments "(RSUPPORT_COMPLETE=fish rsupport -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
