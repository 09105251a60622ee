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
