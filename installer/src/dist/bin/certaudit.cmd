@echo off
rem certaudit: runs lib\certaudit.jar on the Java of JAVA_HOME, or else the java.exe on PATH.
rem Arguments go to Java unchanged; the exit code is the audit's (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).
setlocal
set "CERTAUDIT_HOME=%~dp0.."
if defined JAVA_HOME (set "CERTAUDIT_JAVA=%JAVA_HOME%\bin\java.exe") else (set "CERTAUDIT_JAVA=java.exe")
rem JVM warnings go to standard error, never into a report on standard output. lib\certaudit.jsa, when an
rem administrator made one for this JDK (see README.txt), spares parsing certaudit's classes.
set "CERTAUDIT_SHARING="
if exist "%CERTAUDIT_HOME%\lib\certaudit.jsa" set CERTAUDIT_SHARING="-XX:SharedArchiveFile=%CERTAUDIT_HOME%\lib\certaudit.jsa"
"%CERTAUDIT_JAVA%" -Xlog:disable -Xlog:all=warning:stderr %CERTAUDIT_SHARING% ${certaudit.jvmOptions} -jar "%CERTAUDIT_HOME%\lib\certaudit.jar" %*
exit /b %ERRORLEVEL%
