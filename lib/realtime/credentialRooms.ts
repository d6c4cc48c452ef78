// Every socket joins one room per credential it stands on, so ending a credential can close its
// sockets with one room-wide disconnect that socket.io's adapter also carries to other instances.
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const tokenRoom = (tokenId: string) => `token:${tokenId}`;
