import DigestCLI

await DigestCommand.start()
