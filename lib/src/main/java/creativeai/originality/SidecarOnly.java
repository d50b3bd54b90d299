package creativeai.originality;

import creativeai.data.Sha256;

import java.util.Optional;

/** Formats with no room for a record (text, anything unknown): the record lives in the sidecar, the content is every byte. */
final class SidecarOnly implements ProvenanceCarrier {
    @Override
    public byte[] embed(byte[] file, String json) {
        return file;
    }

    @Override
    public Optional<String> read(byte[] file) {
        return Optional.empty();
    }

    @Override
    public String contentSha256(byte[] file) {
        return Sha256.of(file);
    }

    @Override
    public boolean embeds() {
        return false;
    }
}
