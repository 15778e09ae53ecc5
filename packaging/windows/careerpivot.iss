; Inno Setup script: a per-user Windows installer for the one-folder bundle.
; Build the bundle first (python packaging\build.py), then:
;     iscc packaging\windows\careerpivot.iss
; The installer needs no administrator rights: it installs into the user's own
; program folder, adds a Start menu entry and registers an uninstaller.

#define AppName "CareerPivot"
#define AppVersion "0.1.0"
#define AppId "io.github.careerpivot.CareerPivot"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=CareerPivot
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=CareerPivot-{#AppVersion}-setup
SetupIconFile=careerpivot.ico
UninstallDisplayIcon={app}\careerpivot.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\CareerPivot\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\careerpivot.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\careerpivot.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.careerpivot"; ValueType: string; ValueName: ""; ValueData: "CareerPivot.Workspace"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CareerPivot.Workspace"; ValueType: string; ValueName: ""; ValueData: "CareerPivot workspace"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CareerPivot.Workspace\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\careerpivot.exe,0"
Root: HKA; Subkey: "Software\Classes\CareerPivot.Workspace\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\careerpivot.exe"" ""%1"""

[Run]
Filename: "{app}\careerpivot.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
