// `npm start`: the production server (build/) with the defaults Passerelle needs. Uploads of
// lesson documents (up to 10 MB) need a larger request body than adapter-node's 512 KB default;
// an environment variable set by the operator still wins.
process.env.BODY_SIZE_LIMIT ??= '12M';
await import('../build/index.js');
