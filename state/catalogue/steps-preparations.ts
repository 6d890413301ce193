// Steps 1-4: everything done before any user data moves.
import type { StepDef } from './types.js';

export const INVENTORY_STEP: StepDef = {
  id: 'inventory',
  label: '1',
  phase: 'preparations',
  title: 'Identify MFA Server dependencies',
  perWave: false,
  optional: false,
  summary: [
    'Start by writing down everything MFA Server does for you today, in three groups: the sign-in ' +
      'methods and defaults set under Company Settings, what the User portal lets people do, and the ' +
      'systems that use MFA Server as an authentication proxy (RADIUS clients, LDAP clients, AD FS ' +
      'relying parties).',
    'Each method and portal setting either has an Entra counterpart or needs nothing; the mapping ' +
      'tables say which. PIN variants become stronger features: phone call with PIN becomes voice OTP, ' +
      'app with PIN becomes number matching. A migrated method is useless until it is switched on in ' +
      'the tenant, so the wizard reads the authentication methods policy and flags any method in use ' +
      'on MFA Server that is still off.',
    'Give every authentication service a destination. Modern apps: federate to Entra with SAML or ' +
      'OpenID Connect. RADIUS clients that cannot change: NPS with the Entra MFA extension. LDAP ' +
      'clients: Entra Domain Services, or SSPR when LDAP only served password changes. AD FS relying ' +
      'parties on the MFA Server adapter: AD FS 2016 or later, or direct federation. Step 9 tracks ' +
      'each to done.',
    'Also confirm that no AD FS access control policy demands that MFA happen on-premises; such a ' +
      'policy breaks sign-in once Entra takes over MFA.',
    'Record the topology: the primary and each subordinate (all domain-joined or all standalone), ' +
      'the static replication port (registry value Pfsvc_ncan_ip_tcp_port, 4443 in Microsoft’s ' +
      'example) on every server since any subordinate can be promoted, and the load balancers. ' +
      'One-way SMS OTP, the User portal and the Mobile App Web Service need sticky sessions.',
  ],
  checklist: [
    {
      id: 'inventory.company-settings',
      text: 'Record every method under Company Settings and whether it is used',
      why: 'Each one maps to an Entra action; the inventory table lists them all.',
    },
    {
      id: 'inventory.methods-enabled',
      text: 'Enable each method in use in the Entra authentication methods policy',
      why: 'Migrated methods cannot be used, or even tried, until they are enabled in the tenant.',
    },
    {
      id: 'inventory.pin-methods',
      text: 'Plan replacements for PIN methods: voice OTP, number matching',
      why: 'Entra has no PIN methods; a PIN not tied to a device does not stop SIM swap attacks.',
    },
    {
      id: 'inventory.user-portal',
      text: 'Record the User portal settings and their Entra counterparts',
      why: 'Some settings need work in Entra (TAP, trusted IPs, combined registration).',
    },
    {
      id: 'inventory.radius-clients',
      text: 'List every RADIUS client (MFA Server > RADIUS Authentication)',
      why: 'Each must move to modern federation or NPS before the federation change.',
    },
    {
      id: 'inventory.ldap-clients',
      text: 'List every LDAP client (MFA Server > LDAP Authentication)',
      why: 'LDAP proxying has no Entra MFA equivalent; each needs a new home.',
    },
    {
      id: 'inventory.adfs-relying-parties',
      text: 'List AD FS relying parties that use the MFA Server adapter',
      why: 'Other than Microsoft 365 / Entra, they need AD FS 2016+ or direct federation.',
    },
    {
      id: 'inventory.adfs-policies',
      text: 'Check no AD FS access control policy requires on-premises MFA',
      why: 'Such a policy would fail sign-ins once MFA is done in Entra.',
    },
    {
      id: 'inventory.dispositions',
      text: 'Choose a disposition for every authentication service',
      why: 'Step 9 tracks each service to done; federation waits for all of them.',
    },
    {
      id: 'inventory.servers',
      text: 'Record the primary and all subordinate MFA Servers',
      why: 'The update goes on the primary; rollback and decommission need the full list.',
    },
    {
      id: 'inventory.replication-port',
      text: 'Record the static replication port on every server',
      why: 'Any subordinate may be promoted, so the port must be set everywhere, not only on the primary.',
    },
    {
      id: 'inventory.load-balancers',
      text: 'Record load balancers; confirm sticky sessions where needed',
      why: 'SMS OTP, User portal and Mobile App Web Service fail without session affinity.',
    },
    {
      id: 'inventory.component-hosts',
      text: 'Record where User portal, Mobile App WS and AD FS adapter run',
      why: 'These components can sit on other servers; all of them retire in step 12.',
    },
  ],
  evidencePrompts: [
    'Inventory exported as CSV',
    'Authentication methods policy read from the tenant',
    'Probe output from each MFA Server (role, version, replication port)',
    'Who reviewed the list of RADIUS, LDAP and AD FS dependencies',
  ],
};

export const BACKUP_STEP: StepDef = {
  id: 'backup',
  label: '2',
  phase: 'preparations',
  title: 'Back up the MFA Server data file',
  perWave: false,
  optional: false,
  summary: [
    'Copy the data file PhoneFactor.pfdata from the primary MFA Server before running any installer. ' +
      'By default it sits in the Data folder under Program Files\\Multi-Factor Authentication Server. ' +
      'Copy the whole Data folder. The wizard treats the file as opaque: it hashes it and never opens ' +
      'it for writing.',
    'Timing matters twice. The copy must predate the 8.1 update, because the update changes the ' +
      'file and a later copy cannot bring 8.0 back. And the file keeps changing as admins and users ' +
      'edit settings, so whatever changes after the copy is lost on restore. Take it just before the ' +
      'update; the wizard warns when it is more than 24 hours old.',
    'Record the path, size, SHA-256 and time, and check the copy hashes the same. Rollback checks ' +
      'this hash before it restores anything. Keep the installer of the version you run today as ' +
      'well: rollback reinstalls it, and if it is lost only Microsoft support can provide it.',
  ],
  checklist: [
    {
      id: 'backup.locate-data-file',
      text: 'Locate PhoneFactor.pfdata on the primary MFA Server',
      why: 'Only the primary holds the writable copy; subordinates hold read-only replicas.',
    },
    {
      id: 'backup.copy-data-folder',
      text: 'Copy the whole Data folder to a safe place off the server',
      why: 'A copy on the same disk is lost with the server; the folder keeps related files together.',
    },
    {
      id: 'backup.verify-hash',
      text: 'Verify the SHA-256 of the copy matches the original',
      why: 'Rollback restores only a file whose hash matches this record.',
    },
    {
      id: 'backup.source-untouched',
      text: 'Leave the original file in place and unmodified',
      why: 'MFA Server is still using it; the backup must never disturb the running service.',
    },
    {
      id: 'backup.before-update',
      text: 'Take the backup right before the 8.1 update',
      why: 'A copy made after the update cannot restore 8.0; an old copy misses recent changes.',
    },
    {
      id: 'backup.keep-installer',
      text: 'Keep the installer of the currently installed version',
      why: 'Rollback reinstalls it; if you no longer have it, ask Microsoft support before going on.',
    },
  ],
  evidencePrompts: [
    'Source path, size and SHA-256 of PhoneFactor.pfdata',
    'Backup path and SHA-256 of the copy',
    'Time of the backup',
    'Where the current version’s installer is kept, and its version',
  ],
};

export const UPDATE_STEP: StepDef = {
  id: 'update',
  label: '3',
  phase: 'preparations',
  title: 'Install the MFA Server update',
  perWave: false,
  optional: false,
  summary: [
    'The Migration Utility comes with the MFA Server 8.1 update. Install it on the primary server ' +
      'first. The general MFA Server upgrade advice says subordinates first, but the migration guide ' +
      'starts with the primary: it holds the only writable data file, which the update converts and ' +
      'the utility reads. Follow the migration guide.',
    'Take the server out of load balancing or traffic sharing before you start. Run the new ' +
      'installer over the current installation; it upgrades in place, no uninstall needed. Accept the ' +
      'Visual C++ 2015 redistributable prompt (x86 and x64 both get installed). The User portal, Web ' +
      'Service SDK and AD FS adapter need no update. Installing does not start any migration.',
    'Once the primary runs 8.1, subordinates still on the old version log "Unhandled SB" entries ' +
      'because they do not know the new schema. That is expected. Above about 10,000 users those ' +
      'entries can swell the logs (Logs\\MultiFactorAuthSvc.log): raise the log size limit or update ' +
      'the subordinates as well.',
    'Record the version before and after. No reliable documented place holds it; the DisplayVersion ' +
      'of the Uninstall registry entry is the best source, and the probe reads it.',
  ],
  checklist: [
    {
      id: 'update.backup-current',
      text: 'Confirm the step 2 backup was taken just before this update',
      why: 'A backup taken after the update cannot restore the previous version.',
    },
    {
      id: 'update.out-of-lb',
      text: 'Remove the primary from load balancing / traffic sharing',
      why: 'Requests must not reach a server while its service is being replaced.',
    },
    {
      id: 'update.run-installer',
      text: 'Run the 8.1 installer in place on the primary (no uninstall)',
      why: 'The installer upgrades the existing installation path and keeps its data.',
    },
    {
      id: 'update.vcredist',
      text: 'Accept the Visual C++ 2015 redistributable prompt',
      why: 'The new build needs it; both x86 and x64 packages are installed.',
    },
    {
      id: 'update.skip-web-components',
      text: 'Leave User portal, Web SDK and AD FS adapter as they are',
      why: 'They do not need the update; touching them only adds risk.',
    },
    {
      id: 'update.unhandled-sb',
      text: 'Expect "Unhandled SB" log entries on subordinates',
      why: 'Subordinates on the old build do not know the new schema; the entries are harmless.',
    },
    {
      id: 'update.log-size',
      text: 'Above 10,000 users: raise log size or update subordinates',
      why: 'The extra log entries grow with the user count and can fill the log quickly.',
    },
    {
      id: 'update.back-in-lb',
      text: 'Return the primary to load balancing once the service runs',
      why: 'Until then all MFA traffic rests on the other servers.',
    },
    {
      id: 'update.record-versions',
      text: 'Record the version before and after the update',
      why: 'Rollback needs the previous version; the report shows the change.',
    },
  ],
  evidencePrompts: [
    'Version before the update (DisplayVersion)',
    'Version after the update',
    'Probe output from the primary after the update',
    'Size of MultiFactorAuthSvc.log on a subordinate',
  ],
};

export const UTILITY_STEP: StepDef = {
  id: 'utility',
  label: '4',
  phase: 'preparations',
  title: 'Configure the Migration Utility',
  perWave: false,
  optional: false,
  summary: [
    'On the updated primary, open PowerShell as administrator and run ' +
      'Configure-MultiFactorAuthMigrationUtility.ps1 from the MFA Server installation folder. It asks ' +
      'for an Application Administrator sign-in and registers the app "MFA Server Migration Utility", ' +
      'which the utility uses to write methods onto user objects. Each server that runs the utility ' +
      'adds a certificate of its own to that app.',
    'Choose the cloud first. Global and GCC use the .com hosts the script ships with; for GCC High ' +
      'and DoD, change them to .us before running it. The script stores StsUrl and GraphUrl under ' +
      'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor, and the wizard checks they match ' +
      'the cloud. The server needs outbound access to that cloud’s sign-in and Graph hosts.',
    'Then grant admin consent for the app, through the link the script prints or App registrations > ' +
      'API permissions in the portal. Consent is complete only when every permission the app requests ' +
      'is granted; the wizard compares the two. Last, start MultiFactorAuthMigrationUtilityUI from the ' +
      'installation folder to see that it opens.',
    'The app’s certificates expire. When one does, the utility on that server can no longer write to ' +
      'Entra, so note the dates.',
  ],
  checklist: [
    {
      id: 'utility.choose-cloud',
      text: 'Confirm the tenant’s cloud (Global, GCC, GCC High, DoD, China)',
      why: 'The script, registry values and Graph host all depend on it.',
    },
    {
      id: 'utility.edit-script-endpoints',
      text: 'GCC High / DoD: change the script’s .com hosts to .us first',
      why: 'Otherwise the utility signs in against the commercial cloud and fails.',
    },
    {
      id: 'utility.network-access',
      text: 'Allow the server to reach the cloud’s sign-in and Graph hosts',
      why: 'The utility writes to Entra directly from the MFA Server.',
    },
    {
      id: 'utility.run-script',
      text: 'Run the configuration script in an elevated PowerShell',
      why: 'It writes to HKLM and creates the app; both need administrator rights.',
    },
    {
      id: 'utility.app-registered',
      text: 'Check the "MFA Server Migration Utility" app exists in Entra',
      why: 'The utility writes user methods only through this app.',
    },
    {
      id: 'utility.admin-consent',
      text: 'Grant admin consent for every permission the app requests',
      why: 'Without full consent the utility’s writes are refused.',
    },
    {
      id: 'utility.registry-urls',
      text: 'Check StsUrl and GraphUrl in the registry match the cloud',
      why: 'A wrong host sends tokens and writes to the wrong cloud.',
    },
    {
      id: 'utility.open-ui',
      text: 'Open MultiFactorAuthMigrationUtilityUI and see it start',
      why: 'Confirms the install and the app registration work together.',
    },
    {
      id: 'utility.cert-expiry',
      text: 'Note when the app’s certificates expire',
      why: 'An expired certificate silently stops migration from that server.',
    },
  ],
  evidencePrompts: [
    'Application (client) id of the MFA Server Migration Utility app',
    'Consent read-back: granted versus requested permissions',
    'StsUrl and GraphUrl registry values',
    'Certificate expiry dates on the app',
  ],
};
