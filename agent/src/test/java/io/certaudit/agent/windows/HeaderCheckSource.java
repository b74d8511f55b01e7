package io.certaudit.agent.windows;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.ptr.ByteByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.ptr.ShortByReference;

import io.certaudit.agent.windows.jna.Crypt32Ext;

/**
 * Turns the Java declarations of the native layer into source that the Windows headers (mingw-w64's) must accept:
 * a C file of {@code _Static_assert}s for every constant and for every structure's size, member offsets and member
 * kinds under the MSVC layout rule, for x64 and x86 alike; and a C++ file that calls every bound function with
 * arguments of the types JNA passes for the Java parameter types, so a wrong arity, a pointer where a DWORD is
 * expected, a 32-bit value for a 64-bit parameter or a wrong return type does not compile.
 *
 * <p>Why C++ for the prototypes: C cannot ask a function for its parameter types, and the Java side does not know
 * the C names of most of them ({@code PCCERT_CONTEXT} is a {@link Pointer} in Java). Each argument is an object
 * whose conversion operators accept exactly the C types that share the Java type's calling-convention class
 * (any pointer or pointer-sized integer for a {@link Pointer}, a 4-byte integer or enum for an {@code int}, a
 * pointer to a 4-byte integer for an {@link IntByReference}, ...). The C++ file also holds the string constants,
 * which C cannot compare at compile time.
 *
 * <p>Two arguments of the same kind swapped (two DWORDs, two pointers) still compile: the marshalling lane's call
 * logs and the Wine lane's answers catch those.
 *
 * <p>Every check is preceded by a {@code #line} naming the Java declaration, so a compiler error starts with it
 * (e.g. {@code WindowsConstants.NTE_BAD_KEYSET:1: error: static assertion failed}).
 */
final class HeaderCheckSource {

    /** The headers the bindings' declarations come from; UNICODE as the bindings load with W32APIOptions.UNICODE_OPTIONS. */
    private static final String HEADERS = String.join("\n",
            "#define UNICODE 1",
            "#define _UNICODE 1",
            "#define WIN32_LEAN_AND_MEAN 1",
            "#include <windows.h>",
            "#include <wincrypt.h>",
            "#include <ncrypt.h>",
            "#include <authz.h>",
            "#include <winsvc.h>",
            "#include <aclapi.h>",
            "#include <sddl.h>",
            "#include <winerror.h>",
            "#include <stddef.h>",
            "");

    /**
     * Structures that declare only the leading members the audit reads of a structure crypt32 allocates: their
     * offsets must match, their size is only a lower bound. A new structure is checked in full unless named here.
     */
    private static final Set<String> LEADING_MEMBERS_ONLY = Set.of("CertChainContext", "CertSimpleChain",
            "CertChainElement");

    /** GCC's __builtin_classify_type classes (typeclass.h). */
    private static final int INTEGER_TYPE_CLASS = 1;
    private static final int ENUMERAL_TYPE_CLASS = 3;
    private static final int POINTER_TYPE_CLASS = 5;

    private HeaderCheckSource() {
    }

    /** Every class of the bindings' package, found from the compiled classes, so new declarations are included. */
    static List<Class<?>> packageClasses() {
        try {
            Path folder = Path.of(Crypt32Ext.class.getResource("Crypt32Ext.class").toURI()).getParent();
            List<Class<?>> classes = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.equals("package-info.class")) {
                        String binary = Crypt32Ext.class.getPackageName() + "."
                                + name.substring(0, name.length() - ".class".length());
                        classes.add(Class.forName(binary, false, Crypt32Ext.class.getClassLoader()));
                    }
                }
            }
            return classes;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the native layer's classes", e);
        }
    }

    /** The JNA structures among the classes (nested ones included). */
    @SuppressWarnings("unchecked")
    static List<Class<? extends Structure>> structures(List<Class<?>> classes) {
        List<Class<? extends Structure>> structures = new ArrayList<>();
        for (Class<?> type : classes) {
            if (Structure.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                    && type.getAnnotation(Structure.FieldOrder.class) != null) {
                structures.add((Class<? extends Structure>) type);
            }
        }
        structures.sort(Comparator.comparing(Class::getName));
        return structures;
    }

    /** The JNA library interfaces among the classes: every function the layer binds by hand. */
    static List<Class<?>> libraries(List<Class<?>> classes) {
        return classes.stream().filter(type -> type.isInterface() && Library.class.isAssignableFrom(type)).toList();
    }

    // -------------------------------------------------------------------------------------------------------------
    // C: constants and structures.
    // -------------------------------------------------------------------------------------------------------------

    /** The C source: constants of {@code constantHolders} and layouts of {@code structures}. */
    static String c(List<Class<?>> constantHolders, List<Class<? extends Structure>> structures) {
        StringBuilder c = new StringBuilder(HEADERS);
        c.append("#define KIND(e) __builtin_classify_type(e)\n");
        c.append("#define MEMBER(T, m) (((T *) 0)->m)\n");
        for (Class<?> holder : constantHolders) {
            for (Field field : holder.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isPublic(modifiers) || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)
                        || field.getType() == String.class) {
                    continue;
                }
                line(c, holder.getSimpleName() + "." + field.getName());
                c.append(constantAssert(field)).append('\n');
            }
        }
        for (Class<? extends Structure> structure : structures) {
            String cName = cStructName(structure);
            String java = javaName(structure);
            boolean prefix = LEADING_MEMBERS_ONLY.contains(structure.getSimpleName());
            Layout x64 = Layout.of(structure, 8);
            Layout x86 = Layout.of(structure, 4);
            line(c, java);
            c.append(String.format(Locale.ROOT, "typedef %s checked_%s;%n", cName, structure.getSimpleName()));
            for (boolean win64 : new boolean[] {true, false}) {
                Layout layout = win64 ? x64 : x86;
                c.append(win64 ? "#ifdef _WIN64\n" : "#else\n");
                line(c, java);
                c.append(String.format(Locale.ROOT, "_Static_assert(sizeof(%s) %s %d, \"%s: size %d%s\");%n",
                        cName, prefix ? ">=" : "==", layout.size, java, layout.size,
                        prefix ? " (leading members only)" : ""));
                for (Member member : layout.members) {
                    line(c, java + "." + member.name);
                    c.append(String.format(Locale.ROOT, "_Static_assert(offsetof(%s, %s) == %d, \"%s.%s: offset %d\");%n",
                            cName, member.name, member.offset, java, member.name, member.offset));
                    c.append(String.format(Locale.ROOT, "_Static_assert(sizeof(MEMBER(%s, %s)) == %d, \"%s.%s: size %d\");%n",
                            cName, member.name, member.size, java, member.name, member.size));
                }
                if (!win64) {
                    c.append("#endif\n");
                }
            }
            for (Member member : x64.members) {
                line(c, java + "." + member.name);
                String kind = memberKindAssert(cName, member);
                if (kind != null) {
                    c.append(kind).append('\n');
                }
            }
        }
        return c.toString();
    }

    private static String constantAssert(Field field) {
        String name = field.getName();
        try {
            Class<?> type = field.getType();
            if (type == int.class) {
                // Compared as 32-bit unsigned values: HRESULTs are negative ints in Java, DWORDs in C.
                int value = field.getInt(null);
                return String.format(Locale.ROOT,
                        "_Static_assert((unsigned int) (ULONG_PTR) (%s) == 0x%Xu, \"%s: Java has 0x%X\");",
                        name, value, name, value);
            }
            if (type == long.class) {
                long value = field.getLong(null);
                return String.format(Locale.ROOT,
                        "_Static_assert((unsigned long long) (%s) == 0x%Xull, \"%s: Java has 0x%X\");",
                        name, value, name, value);
            }
            if (type == short.class || type == byte.class) {
                long value = field.getLong(null);
                return String.format(Locale.ROOT, "_Static_assert((%s) == %d, \"%s: Java has %d\");", name, value,
                        name, value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(field + ": no header check for constants of type " + field.getType());
    }

    private static String memberKindAssert(String cName, Member member) {
        String expression = "MEMBER(" + cName + ", " + member.name + ")";
        String what = "\"" + cName + "." + member.name + ": ";
        switch (member.kind) {
            case INTEGER:
                return "_Static_assert(KIND(" + expression + ") == " + INTEGER_TYPE_CLASS + " || KIND(" + expression
                        + ") == " + ENUMERAL_TYPE_CLASS + ", " + what + "Java has an integer\");";
            case POINTER:
                return "_Static_assert(KIND(" + expression + ") == " + POINTER_TYPE_CLASS + " || (KIND(" + expression
                        + ") == " + INTEGER_TYPE_CLASS + " && sizeof(" + expression + ") == sizeof(void *)), " + what
                        + "Java has a pointer\");";
            case STRUCTURE:
                return "_Static_assert(__builtin_types_compatible_p(__typeof__(" + expression + "), "
                        + member.structure + "), " + what + "Java has a " + member.structure + "\");";
            default:
                // Arrays: the size and offset checks are what the element type can be checked by.
                return null;
        }
    }

    /** The C name of a structure: its Java name in capitals with underscores (CertContext, CERT_CONTEXT). */
    static String cStructName(Class<?> structure) {
        return structure.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String javaName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }

    private static void line(StringBuilder out, String javaDeclaration) {
        out.append("#line 1 \"").append(javaDeclaration).append("\"\n");
    }

    // -------------------------------------------------------------------------------------------------------------
    // C++: prototypes and string constants.
    // -------------------------------------------------------------------------------------------------------------

    private static final String ARGUMENT_TYPES = String.join("\n",
            "#include <type_traits>",
            "template<class T> struct IsInt32 : std::integral_constant<bool,",
            "    (std::is_integral<T>::value || std::is_enum<T>::value) && sizeof(T) == 4> {};",
            "template<class T> struct IsInt64 : std::integral_constant<bool,",
            "    (std::is_integral<T>::value || std::is_enum<T>::value) && sizeof(T) == 8> {};",
            "template<class T> struct IsInt16 : std::integral_constant<bool,",
            "    (std::is_integral<T>::value || std::is_enum<T>::value) && sizeof(T) == 2> {};",
            "template<class T> struct IsInt8 : std::integral_constant<bool,",
            "    (std::is_integral<T>::value || std::is_enum<T>::value) && sizeof(T) == 1> {};",
            "template<class T> struct IsPointerSized : std::integral_constant<bool, std::is_pointer<T>::value",
            "    || (std::is_integral<T>::value && sizeof(T) == sizeof(void *))> {};",
            "template<class T> struct IsWideChar : std::is_same<typename std::remove_cv<T>::type, wchar_t> {};",
            "#define ARG(Name, Test, Target) struct Name { template<class T, typename std::enable_if<Test, int>::type = 0>"
                    + " operator Target() const; };",
            "/* int, boolean (BOOL), NativeLong: a 4-byte integer or enum. */",
            "ARG(Int32Arg, IsInt32<T>::value, T)",
            "/* long: an 8-byte integer, or an 8-byte structure passed by value (a LUID), which travels the same way. */",
            "ARG(Int64Arg, IsInt64<T>::value || (std::is_class<T>::value && sizeof(T) == 8"
                    + " && std::is_trivially_copyable<T>::value), T)",
            "ARG(Int16Arg, IsInt16<T>::value, T)",
            "ARG(Int8Arg, IsInt8<T>::value, T)",
            "/* Pointer, handles, callbacks: any pointer, or a pointer-sized integer (ULONG_PTR handles such as HCRYPTPROV). */",
            "ARG(PointerArg, IsPointerSized<T>::value, T)",
            "/* WString, and String under the UNICODE type mapper: a UTF-16 string, or an untyped pointer"
                    + " (CertOpenStore's pvPara). */",
            "ARG(WideStringArg, IsWideChar<T>::value || std::is_void<typename std::remove_cv<T>::type>::value, T *)",
            "/* A by-reference value: a pointer to a value of its size, or an untyped buffer. */",
            "ARG(PointerRefArg, IsPointerSized<T>::value || std::is_void<T>::value, T *)",
            "ARG(Int32RefArg, IsInt32<T>::value || std::is_void<T>::value, T *)",
            "ARG(Int64RefArg, IsInt64<T>::value || std::is_void<T>::value, T *)",
            "ARG(Int16RefArg, IsInt16<T>::value || std::is_void<T>::value, T *)",
            "ARG(Int8RefArg, IsInt8<T>::value || std::is_void<T>::value, T *)",
            "/* A structure passed by reference (JNA's default): a pointer to that structure, or an untyped pointer. */",
            "template<class S> struct StructRefArg { operator S *() const; operator const S *() const;",
            "    operator void *() const; operator const void *() const; };",
            "template<class S> struct StructValueArg { operator S() const; };",
            "/* Windows functions are WINAPI (__stdcall on x86), as StdCallLibrary calls them. */",
            "template<class F> struct IsStdcall : std::false_type {};",
            "template<class R, class... A> struct IsStdcall<R (__stdcall *)(A...)> : std::true_type {};",
            "constexpr bool same(const wchar_t *a, const wchar_t *b) {",
            "    return *a == *b && (*a == 0 || same(a + 1, b + 1)); }",
            "");

    /** The C++ source: the string constants of {@code constantHolders} and the prototypes of {@code libraries}. */
    static String cpp(List<Class<?>> constantHolders, List<Class<?>> libraries) {
        StringBuilder cpp = new StringBuilder(HEADERS).append(ARGUMENT_TYPES);
        for (Class<?> holder : constantHolders) {
            for (Field field : holder.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                        && field.getType() == String.class) {
                    String value;
                    try {
                        value = (String) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                    line(cpp, holder.getSimpleName() + "." + field.getName());
                    cpp.append(String.format(Locale.ROOT, "static_assert(same(%s, L\"%s\"), \"%s: Java has %s\");%n",
                            field.getName(), cEscape(value), field.getName(), cEscape(value)));
                }
            }
        }
        for (Class<?> library : libraries) {
            List<Method> methods = new ArrayList<>(List.of(library.getDeclaredMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method method : methods) {
                if (method.isSynthetic() || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                    continue;
                }
                String java = library.getSimpleName() + "." + method.getName();
                List<String> arguments = new ArrayList<>();
                Class<?>[] parameters = method.getParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    arguments.add(argument(java + " parameter " + (i + 1), parameters[i]) + "()");
                }
                String call = method.getName() + "(" + String.join(", ", arguments) + ")";
                line(cpp, java);
                cpp.append(String.format(Locale.ROOT, "static_assert(%s, \"%s: Java returns %s\");%n",
                        returnCheck(java, method.getReturnType(), "decltype(" + call + ")"), java,
                        method.getReturnType().getSimpleName()));
                line(cpp, java);
                cpp.append(String.format(Locale.ROOT,
                        "static_assert(IsStdcall<decltype(&%s)>::value, \"%s: not WINAPI\");%n", method.getName(),
                        java));
            }
        }
        return cpp.toString();
    }

    private static String argument(String where, Class<?> type) {
        if (type == int.class || type == boolean.class || type == NativeLong.class) {
            return "Int32Arg";
        }
        if (type == long.class) {
            return "Int64Arg";
        }
        if (type == short.class || type == char.class) {
            // JNA passes a Java char as wchar_t, 16 bits on Windows.
            return "Int16Arg";
        }
        if (type == byte.class) {
            return "Int8Arg";
        }
        if (type == WString.class || type == String.class) {
            return "WideStringArg";
        }
        if (Structure.class.isAssignableFrom(type)) {
            String struct = cStructName(type);
            return Structure.ByValue.class.isAssignableFrom(type)
                    ? "StructValueArg<" + struct + ">" : "StructRefArg<" + struct + ">";
        }
        if (type.isArray() && Structure.class.isAssignableFrom(type.getComponentType())) {
            return "StructRefArg<" + cStructName(type.getComponentType()) + ">";
        }
        if (type == PointerByReference.class || type.getSimpleName().equals("HANDLEByReference")
                || type == Pointer[].class) {
            return "PointerRefArg";
        }
        if (type == IntByReference.class || type == NativeLongByReference.class || type == int[].class) {
            return "Int32RefArg";
        }
        if (type == LongByReference.class || type == long[].class) {
            return "Int64RefArg";
        }
        if (type == ShortByReference.class || type == short[].class || type == char[].class) {
            return "Int16RefArg";
        }
        if (type == ByteByReference.class || type == byte[].class) {
            return "Int8RefArg";
        }
        if (Pointer.class.isAssignableFrom(type) || PointerType.class.isAssignableFrom(type)
                || Callback.class.isAssignableFrom(type) || java.nio.Buffer.class.isAssignableFrom(type)) {
            return "PointerArg";
        }
        throw new IllegalArgumentException(where + ": no header check for a " + type.getName()
                + " argument; teach HeaderCheckSource which C types JNA passes it as");
    }

    private static String returnCheck(String where, Class<?> type, String returned) {
        if (type == void.class) {
            return "std::is_void<" + returned + ">::value";
        }
        if (type == int.class || type == boolean.class || type == NativeLong.class) {
            return "IsInt32<" + returned + ">::value";
        }
        if (type == long.class) {
            return "IsInt64<" + returned + ">::value";
        }
        if (type == short.class || type == char.class) {
            return "IsInt16<" + returned + ">::value";
        }
        if (type == byte.class) {
            return "IsInt8<" + returned + ">::value";
        }
        if (type == WString.class || type == String.class) {
            return "std::is_pointer<" + returned + ">::value && IsWideChar<typename std::remove_pointer<" + returned
                    + ">::type>::value";
        }
        if (Pointer.class.isAssignableFrom(type) || PointerType.class.isAssignableFrom(type)
                || (Structure.class.isAssignableFrom(type) && !Structure.ByValue.class.isAssignableFrom(type))) {
            return "IsPointerSized<" + returned + ">::value";
        }
        throw new IllegalArgumentException(where + ": no header check for a " + type.getName() + " return value");
    }

    private static String cEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char ch : value.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7E) {
                out.append(String.format(Locale.ROOT, "\\x%04X\" L\"", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    // -------------------------------------------------------------------------------------------------------------
    // The MSVC layout rule, computed from the Java field types for a given pointer size.
    // -------------------------------------------------------------------------------------------------------------

    enum Kind { INTEGER, POINTER, STRUCTURE, ARRAY }

    record Member(String name, int offset, int size, Kind kind, String structure) {
    }

    /**
     * A structure's layout as MSVC lays it out (default packing /Zp8): each member at the next multiple of its
     * alignment, which is its own size for scalars and the largest member alignment for structures; the size
     * rounded up to the structure's alignment. Unlike GCC for i686, MSVC aligns 8-byte integers to 8 on x86.
     */
    record Layout(int size, int alignment, List<Member> members) {

        static Layout of(Class<? extends Structure> type, int pointerSize) {
            String[] order = type.getAnnotation(Structure.FieldOrder.class).value();
            Structure instance = instance(type);
            int offset = 0;
            int alignment = 1;
            List<Member> members = new ArrayList<>();
            for (String name : order) {
                Field field;
                try {
                    field = type.getField(name);
                } catch (NoSuchFieldException e) {
                    throw new IllegalArgumentException(type.getName() + " lists " + name + " but has no such field", e);
                }
                Scalar scalar = scalar(type.getName() + "." + name, field, instance, pointerSize);
                offset = align(offset, scalar.alignment);
                members.add(new Member(name, offset, scalar.size, scalar.kind, scalar.structure));
                offset += scalar.size;
                alignment = Math.max(alignment, scalar.alignment);
            }
            return new Layout(align(offset, alignment), alignment, members);
        }

        private record Scalar(int size, int alignment, Kind kind, String structure) {
        }

        private static Scalar scalar(String where, Field field, Structure instance, int pointerSize) {
            Class<?> type = field.getType();
            if (type.isArray()) {
                Object array;
                try {
                    array = field.get(instance);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (array == null) {
                    throw new IllegalArgumentException(where + ": an array member needs its length set by the constructor");
                }
                Scalar element = of(where, type.getComponentType(), pointerSize);
                return new Scalar(element.size * Array.getLength(array), element.alignment, Kind.ARRAY, null);
            }
            return of(where, type, pointerSize);
        }

        @SuppressWarnings("unchecked")
        private static Scalar of(String where, Class<?> type, int pointerSize) {
            if (type == int.class || type == boolean.class || type == NativeLong.class) {
                return new Scalar(4, 4, Kind.INTEGER, null);
            }
            if (type == long.class) {
                return new Scalar(8, 8, Kind.INTEGER, null);
            }
            if (type == short.class || type == char.class) {
                return new Scalar(2, 2, Kind.INTEGER, null);
            }
            if (type == byte.class) {
                return new Scalar(1, 1, Kind.INTEGER, null);
            }
            if (Structure.class.isAssignableFrom(type) && !Structure.ByReference.class.isAssignableFrom(type)) {
                Layout nested = Layout.of((Class<? extends Structure>) type, pointerSize);
                return new Scalar(nested.size, nested.alignment, Kind.STRUCTURE, cStructName(type));
            }
            if (Pointer.class.isAssignableFrom(type) || PointerType.class.isAssignableFrom(type)
                    || type == WString.class || type == String.class || Callback.class.isAssignableFrom(type)
                    || Structure.ByReference.class.isAssignableFrom(type)) {
                return new Scalar(pointerSize, pointerSize, Kind.POINTER, null);
            }
            throw new IllegalArgumentException(where + ": no layout rule for a " + type.getName() + " member");
        }

        private static Structure instance(Class<? extends Structure> type) {
            try {
                var constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type.getName() + " needs a no-argument constructor", e);
            }
        }

        private static int align(int offset, int alignment) {
            return (offset + alignment - 1) / alignment * alignment;
        }
    }
}
