@echo off
rem The maintenance command line of the installed app (yichuang config^|diag^|db^|sync^|devices ...):
rem the app's own Electron runtime acting as Node, running the CLI bundle inside app.asar.
setlocal
chcp 65001 >nul
set ELECTRON_RUN_AS_NODE=1
"%~dp0yichuang.exe" "%~dp0resources\app.asar\dist\cli.cjs" %*
