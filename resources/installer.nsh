; Passerelle's installer refuses to go back in time: an older installer run over a
; newer Passerelle would leave data already upgraded by the newer version that the
; older one cannot read (it refuses a newer database at start). Per-user install:
; the version installed is read under HKCU, where electron-builder records it.
; LogicLib (${If}) comes with electron-builder's own scripts too; included here so this file stands alone.
!include "LogicLib.nsh"
!include "WordFunc.nsh"

!macro customInit
  ReadRegStr $0 HKCU "${UNINSTALL_REGISTRY_KEY}" "DisplayVersion"
  ${If} $0 != ""
    ; 1: the installed version is newer than this installer's.
    ${VersionCompare} "$0" "${VERSION}" $1
    ${If} $1 == "1"
      MessageBox MB_OK|MB_ICONSTOP "Une version plus récente de Passerelle ($0) est déjà installée sur ce PC.$\r$\n$\r$\nCet installateur (version ${VERSION}) est plus ancien : il ne peut pas la remplacer, car vos données ont déjà été mises à jour par la version plus récente.$\r$\n$\r$\nGardez la version installée, ou demandez l'installateur de la dernière version." /SD IDOK
      Quit
    ${EndIf}
  ${EndIf}
!macroend

; « Ce PC est le serveur Passerelle du bureau » (issue 29). A per-user install
; (no administrator rights: perMachine false, allowElevation false) cannot
; create a Windows service: services are registered with the Service Control
; Manager, which only an administrator may do. What it can do, for its user
; alone: a shortcut in the user's Startup folder that starts Passerelle in
; server mode (`Passerelle.exe --serveur`, no window) at each opening of this
; Windows session. The IT provider who wants the server running before anyone
; signs in makes a scheduled task « au démarrage » instead (README, « Plusieurs
; postes »). Asked once; kept on updates; silent installs take it with
; /SERVEUR (or /SERVEUR=192.168.1.10, the address kept for the next starts).
!include "FileFunc.nsh"
!define PASSERELLE_SERVER_LINK "$SMSTARTUP\Passerelle serveur.lnk"

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/SERVEUR" $R1
  ${If} ${Errors}
    ; Not asked on the command line: kept as it was on an update, asked on a first install (not in a silent one).
    ${IfNot} ${FileExists} "${PASSERELLE_SERVER_LINK}"
    ${AndIfNot} ${Silent}
      MessageBox MB_YESNO|MB_ICONQUESTION "Ce PC est-il le serveur Passerelle du bureau ?$\r$\n$\r$\nRépondez Oui seulement sur le PC qui garde les données pour les autres postes : Passerelle y démarrera en mode serveur, sans fenêtre, à chaque ouverture de cette session Windows.$\r$\n$\r$\nSur les autres PC, répondez Non : ils rejoindront ce serveur au premier lancement de Passerelle." /SD IDNO IDNO passerelle_server_done
      CreateShortCut "${PASSERELLE_SERVER_LINK}" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--serveur" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" 0 SW_SHOWMINIMIZED "" "Passerelle serveur : sert les données aux autres PC du bureau"
    ${EndIf}
  ${Else}
    ; /SERVEUR=192.168.1.10: the address of this PC on the office network, given once (then kept in the data folder).
    StrCpy $R2 $R1 1
    ${If} $R2 == "="
      StrCpy $R1 $R1 "" 1
      CreateShortCut "${PASSERELLE_SERVER_LINK}" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--serveur --adresse $R1" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" 0 SW_SHOWMINIMIZED "" "Passerelle serveur : sert les données aux autres PC du bureau"
    ${Else}
      CreateShortCut "${PASSERELLE_SERVER_LINK}" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--serveur" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" 0 SW_SHOWMINIMIZED "" "Passerelle serveur : sert les données aux autres PC du bureau"
    ${EndIf}
  ${EndIf}
  passerelle_server_done:
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first: the server shortcut stays; a real uninstall removes it (never the data).
  ${IfNot} ${isUpdated}
    Delete "${PASSERELLE_SERVER_LINK}"
  ${EndIf}
!macroend
