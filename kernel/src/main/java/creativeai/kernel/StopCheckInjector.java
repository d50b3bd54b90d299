package creativeai.kernel;

import creativeai.kernel.runtime.StopCheck;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashSet;
import java.util.Set;

/**
 * Rewrites a class compiled from a notebook cell so that it calls {@link StopCheck#check()} on entry to each
 * method (recursion) and before each jump to an earlier instruction (loops). The call takes no arguments and
 * returns nothing, so the stack and the frames the compiler wrote stay valid as they are.
 */
final class StopCheckInjector {
    private static final String OWNER = StopCheck.class.getName().replace('.', '/');

    private StopCheckInjector() {
    }

    /** The class with stop checks; throws {@link IllegalArgumentException} for a class file ASM cannot read. */
    static byte[] instrument(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 ? method : new Checks(method);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Adds the checks to one method's code. */
    private static final class Checks extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        Checks(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (seen.contains(target)) check();
            super.visitJumpInsn(opcode, target);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... targets) {
            if (backward(fallback, targets)) check();
            super.visitTableSwitchInsn(min, max, fallback, targets);
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] targets) {
            if (backward(fallback, targets)) check();
            super.visitLookupSwitchInsn(fallback, keys, targets);
        }

        private boolean backward(Label fallback, Label[] targets) {
            if (seen.contains(fallback)) return true;
            for (Label target : targets) if (seen.contains(target)) return true;
            return false;
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "()V", false);
        }
    }
}
