@echo off
rem The `tasks` command of a packaged Tasks Desktop (resources\cli; add this folder to PATH).
rem Runs the bundled CLI with Node when one is installed, else with the app binary itself (--cli).
where node >nul 2>nul
if %errorlevel%==0 (
  node "%~dp0tasks.mjs" %*
  exit /b %errorlevel%
)
"%~dp0..\..\Tasks Desktop.exe" --cli %*
exit /b %errorlevel%
