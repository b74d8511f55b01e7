@echo off
rem certaudit: runs certaudit.jar (lib\ in the distribution, beside this script in a build) on a Java found by full
rem path, never a java.exe in the current folder (cmd.exe looks there first for a bare name, and an export being
rem audited may carry one):
rem   1. %JAVA_HOME%\bin\java.exe when JAVA_HOME is set (an absolute path, or the launcher refuses);
rem   2. else runtime\bin\java.exe in the certaudit folder, for a Java runtime unpacked there by an administrator;
rem   3. else the first java.exe in an absolute folder listed in PATH, the folders searched one by one here.
rem Arguments go to Java unchanged; the exit code is the audit's (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN). When the
rem launcher itself cannot start the audit it says why in one line on standard error and exits 3 (UNKNOWN).
setlocal
for %%H in ("%~dp0@certaudit.launcher.home@") do set "CERTAUDIT_HOME=%%~fH"
set "CERTAUDIT_JAR=%CERTAUDIT_HOME%\@certaudit.launcher.lib@\certaudit.jar"
if not exist "%CERTAUDIT_JAR%" goto no_jar
set "CERTAUDIT_JAVA="
if defined JAVA_HOME goto java_home
if exist "%CERTAUDIT_HOME%\runtime\bin\java.exe" set "CERTAUDIT_JAVA=%CERTAUDIT_HOME%\runtime\bin\java.exe"
if defined CERTAUDIT_JAVA goto java_found
for %%D in ("%PATH:;=" "%") do if not defined CERTAUDIT_JAVA call :path_entry "%%~D"
if not defined CERTAUDIT_JAVA goto no_java
goto java_found
:java_home
set "CERTAUDIT_JAVA_HOME=%JAVA_HOME%"
if "%CERTAUDIT_JAVA_HOME:~1,2%"==":\" goto java_home_absolute
if "%CERTAUDIT_JAVA_HOME:~0,2%"=="\\" goto java_home_absolute
goto relative_java_home
:java_home_absolute
set "CERTAUDIT_JAVA=%CERTAUDIT_JAVA_HOME%\bin\java.exe"
if not exist "%CERTAUDIT_JAVA%" goto bad_java_home
:java_found
rem A Java older than 17 cannot load certaudit and would fail with exit code 1, which reads as WARNING: its release
rem file, when there is one, says which version it is.
set "CERTAUDIT_JAVA_VERSION="
for %%J in ("%CERTAUDIT_JAVA%") do set "CERTAUDIT_RELEASE=%%~dpJ..\release"
if exist "%CERTAUDIT_RELEASE%" for /f "usebackq tokens=1,2 delims==" %%A in ("%CERTAUDIT_RELEASE%") do if "%%A"=="JAVA_VERSION" set "CERTAUDIT_JAVA_VERSION=%%~B"
set "CERTAUDIT_JAVA_MAJOR=17"
if defined CERTAUDIT_JAVA_VERSION for /f "tokens=1 delims=." %%M in ("%CERTAUDIT_JAVA_VERSION%") do set /a "CERTAUDIT_JAVA_MAJOR=%%M" 2>nul
if %CERTAUDIT_JAVA_MAJOR% LSS 17 goto old_java
rem JNA loads its dispatch library from win32-* beside the jar, never unpacking a copy into a temporary folder; JVM
rem warnings go to standard error, never into a report on standard output. certaudit.jsa beside the jar, when present,
rem holds certaudit's classes already parsed and verified for one JDK (class-data sharing): the build makes one with
rem the JDK that built the jar, an administrator one for the installed JDK (see README.txt).
rem The jar is the class path, not -jar: -jar opens it a second time to read the manifest and applies the manifest
rem entries; the options above carry the export certaudit needs.
set "CERTAUDIT_SHARING="
if exist "%CERTAUDIT_HOME%\@certaudit.launcher.lib@\certaudit.jsa" set CERTAUDIT_SHARING="-XX:SharedArchiveFile=%CERTAUDIT_HOME%\@certaudit.launcher.lib@\certaudit.jsa"
"%CERTAUDIT_JAVA%" -Xlog:disable -Xlog:all=warning:stderr %CERTAUDIT_SHARING% @certaudit.jvmOptions@ "-Djna.boot.library.path=%CERTAUDIT_HOME%\@certaudit.launcher.lib@\win32-x86-64;%CERTAUDIT_HOME%\@certaudit.launcher.lib@\win32-aarch64" -Djna.nounpack=true -Djna.nosys=true %CERTAUDIT_JAVA_OPTS% -cp "%CERTAUDIT_JAR%" io.certaudit.agent.cli.Main %*
exit /b %ERRORLEVEL%

:path_entry
rem Only absolute folders (C:\... or \\server\...): an empty or relative PATH entry means the current folder.
set "CERTAUDIT_ENTRY=%~1"
if not defined CERTAUDIT_ENTRY goto :eof
if "%CERTAUDIT_ENTRY:~1,2%"==":\" goto path_entry_absolute
if "%CERTAUDIT_ENTRY:~0,2%"=="\\" goto path_entry_absolute
goto :eof
:path_entry_absolute
if exist "%CERTAUDIT_ENTRY%\java.exe" set "CERTAUDIT_JAVA=%CERTAUDIT_ENTRY%\java.exe"
goto :eof

:no_jar
>&2 echo certaudit: "%CERTAUDIT_JAR%" is missing; @certaudit.launcher.whenJarMissing@
exit /b 3
:no_java
>&2 echo certaudit: no Java found: set JAVA_HOME to a Java 17 or later (a java.exe in the current folder is never run)
exit /b 3
:relative_java_home
>&2 echo certaudit: JAVA_HOME is "%JAVA_HOME%", not an absolute path; set it to the full path of a Java 17 or later
exit /b 3
:bad_java_home
>&2 echo certaudit: JAVA_HOME is "%JAVA_HOME%", which has no bin\java.exe; set it to a Java 17 or later, or unset it
exit /b 3
:old_java
>&2 echo certaudit: "%CERTAUDIT_JAVA%" is Java %CERTAUDIT_JAVA_VERSION%; certaudit needs Java 17 or later (set JAVA_HOME)
exit /b 3
