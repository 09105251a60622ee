/** The agreement rules live in `shared/` so the screens agree their labels the same way as the documents. */
export * from '../shared/agreement';
