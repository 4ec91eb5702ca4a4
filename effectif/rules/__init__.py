"""French labour and payroll law as code.

Pure Python: nothing here imports Django or the apps (checked by import-linter). Figures live
in `parameters/` as dated values citing their legal source; the modules beside it compute.
"""
