/** What the Passerelle server and its paired PCs agree on (issue 29). Both sides import it. */

/** The port the server listens on unless told otherwise (registered to nobody in IANA’s list, 47000–47556 unassigned). */
export const DEFAULT_LAN_PORT = 47_443;
/** The paired PC’s credential, on every RPC. */
export const DEVICE_HEADER = 'x-passerelle-device';
/** The signed-in person’s session, as in browser mode. */
export const SESSION_HEADER = 'x-passerelle-session';
/** The one route answered without a credential: a one-time code for a credential. */
export const PAIR_PATH = '/appairage';
export const RPC_PREFIX = '/rpc/';
export const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** What a PC that speaks plain HTTP to the server reads. */
export const PLAIN_HTTP_REFUSAL =
  'Le serveur Passerelle n’accepte que les connexions chiffrées (HTTPS). Appairez ce PC depuis Passerelle, pas depuis un navigateur.';
