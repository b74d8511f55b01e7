@echo off
rem Runs certaudit.jar, found beside this script, with the JVM options that keep one audit cheap:
rem   - certaudit.jsa, when present, holds certaudit's classes already parsed and verified for the JDK that made it
rem     (application class-data sharing); the JVM ignores an archive made by another JDK or for another jar;
rem   - JVM warnings go to standard error, never into a report written to standard output.
rem JAVA_HOME selects the JDK (else java on PATH); CERTAUDIT_JAVA_OPTS adds JVM options.
setlocal
set "CERTAUDIT_DIR=%~dp0"
set "CERTAUDIT_JAVA=java"
if defined JAVA_HOME set "CERTAUDIT_JAVA=%JAVA_HOME%\bin\java"
set "CERTAUDIT_SHARING="
if exist "%CERTAUDIT_DIR%certaudit.jsa" set CERTAUDIT_SHARING="-XX:SharedArchiveFile=%CERTAUDIT_DIR%certaudit.jsa"
"%CERTAUDIT_JAVA%" -Xlog:disable -Xlog:all=warning:stderr %CERTAUDIT_SHARING% @certaudit.jvmOptions@ %CERTAUDIT_JAVA_OPTS% -jar "%CERTAUDIT_DIR%certaudit.jar" %*
exit /b %ERRORLEVEL%
