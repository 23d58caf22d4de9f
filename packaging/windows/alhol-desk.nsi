; The Windows installer of alhol-desk (docs/release.md "The Windows installer").
;
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DAPPDIR=path\to\onedir \
;            -DOUTFILE=dist\windows\alhol-desk-0.1.0-setup.exe packaging/windows/alhol-desk.nsi
;
; Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\alhol-desk,
; the Start menu shortcut and the Apps & features entry are the user's. Running a newer
; installer upgrades in place: the old program files are removed first, the data folder
; (%LOCALAPPDATA%\alhol-desk: the database, the device keys, backups) is never touched.
; The uninstaller keeps the data folder unless asked: "uninstall.exe /S /PURGE", or Yes
; to its question when run by hand.

Unicode true
Target amd64-unicode  ; the app is x64; a 32-bit installer would also need WoW64 under wine
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION | VERSION4 | APPDIR | OUTFILE
  !error "define VERSION, VERSION4 (four numbers), APPDIR (the onedir) and OUTFILE"
!endif

; Authenticode (docs/release.md "Signing"): -DSIGNCMD="a command signing the file %1 in
; place" signs the uninstaller as it is written into the installer, then the installer.
!ifdef SIGNCMD
  !uninstfinalize '${SIGNCMD}'
  !finalize '${SIGNCMD}'
!endif

!define APP "alhol-desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define ICON "../../resources/alhol-desk.ico"  ; makensis works in the script's folder

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
Icon "${ICON}"
UninstallIcon "${ICON}"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} ${VERSION} installer"
VIAddVersionKey /LANG=1033 "CompanyName" "${APP}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "Apache-2.0; third-party notices in THIRD-PARTY-NOTICES.txt"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\alhol-desk-window.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Arabic"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "alhol-desk" SecApp
  SectionIn RO
  ; An upgrade: the previous version's program files go first, so none of its libraries
  ; linger beside the new ones. Only our own folder, recognised by its executable.
  IfFileExists "$INSTDIR\alhol-desk.exe" 0 fresh
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\alhol-desk.exe"
    Delete "$INSTDIR\alhol-desk-window.exe"
  fresh:
  SetOutPath "$INSTDIR"
  File /r "${APPDIR}/*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\alhol-desk-window.exe" "" \
      "$INSTDIR\alhol-desk-window.exe" 0

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "Software\${APP}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\alhol-desk-window.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  ; The program folder only when it is ours (it holds our executable).
  IfFileExists "$INSTDIR\alhol-desk.exe" 0 +4
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\alhol-desk.exe"
    Delete "$INSTDIR\alhol-desk-window.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"

  ; The data folder (records, device keys, backups) stays unless asked for.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  IfErrors 0 purge
  IfSilent keep
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 \
      "Also delete the data folder $LOCALAPPDATA\${APP}?$\r$\n$\r$\nIt holds the records and this laptop's device keys; without a backup they cannot be recovered. Choose No to keep them for a later installation." \
      /SD IDNO IDYES purge
  Goto keep
  purge:
    RMDir /r "$LOCALAPPDATA\${APP}"
  keep:
SectionEnd
