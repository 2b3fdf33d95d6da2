package io.github.cameliot.cloudapi.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PollStateTest {

    @TempDir
    Path dir;

    @Test
    void keysJoinTheirPartsAndLeaveOutMissingOnes() {
        assertThat(PollState.key("shadow", "P1", "dev1")).isEqualTo("shadow/P1/dev1");
        assertThat(PollState.key("devices", "P1", null)).isEqualTo("devices/P1");
        assertThat(PollState.key("property", "pk", "dev", "temp")).isEqualTo("property/pk/dev/temp");
    }

    @Test
    void aClearedStateReadsAsNone() {
        PollState state = new PollState(new MemoryStateRepository());
        assertThat(state.get("k")).isNull();
        state.store("k", "7");
        assertThat(state.get("k")).isEqualTo("7");
        state.clear("k");
        assertThat(state.get("k")).isNull();
        assertThat(state.repository().getState("k")).isEmpty();
    }

    @Test
    void namesAreTrimmedWithoutBlanksOrRepeats() {
        assertThat(PollState.names(" a, b,,a ,c ")).containsExactly("a", "b", "c");
        assertThat(PollState.names(null)).isEmpty();
        assertThat(PollState.join(PollState.names("a,b"))).isEqualTo("a,b");
        assertThat(PollState.join(List.of())).isEmpty();
    }

    @Test
    void startsAFileRepositoryWhichKeepsTextWithSpacesAndEqualSigns() throws Exception {
        Path file = dir.resolve("state.txt");
        FileStateRepository repository = FileStateRepository.fileStateRepository(file.toFile());
        PollState state = new PollState(repository);
        state.start();
        state.store("property/pk/dev/temp", "1516541821600 abc_-DEF ab=c");
        repository.stop();
        assertThat(Files.readString(file)).contains("property/pk/dev/temp=");

        FileStateRepository again = FileStateRepository.fileStateRepository(file.toFile());
        PollState reread = new PollState(again);
        reread.start();
        assertThat(reread.get("property/pk/dev/temp")).isEqualTo("1516541821600 abc_-DEF ab=c");
        again.stop();
    }
}
